package org.ernie4j.core.interop;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.ernie4j.core.text.wordpiece.TokenizerSettings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The settings a Hugging Face {@code tokenizer_config.json} gives a {@code BertTokenizer} that reads a {@code vocab.txt}:
 * {@code do_lower_case}, {@code strip_accents} (absent or null: as {@code do_lower_case}), {@code tokenize_chinese_chars}
 * and {@code model_max_length}, with BertTokenizer's defaults for keys it lacks.
 */
final class TokenizerConfigJson
{
    static final String FILE = "tokenizer_config.json";
    /** transformers writes a huge number as model_max_length when a model has none. */
    private static final int NO_LIMIT = 1_000_000;

    private TokenizerConfigJson()
    {
    }

    static TokenizerSettings read(Path file)
    {
        JsonNode root = JsonObjectFile.read(file);
        boolean lowercase = root.path("do_lower_case").asBoolean(true);
        JsonNode strip = root.path("strip_accents");
        boolean stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase;
        boolean splitCjk = root.path("tokenize_chinese_chars").asBoolean(true);
        JsonNode maxLength = root.path("model_max_length");
        OptionalInt limit = maxLength.isNumber() && maxLength.asDouble() < NO_LIMIT ? OptionalInt.of(maxLength.asInt()) : OptionalInt.empty();
        return new TokenizerSettings(true, splitCjk, stripAccents, lowercase, TokenizerSettings.UNCASED.maxWordLength(), limit);
    }
}
