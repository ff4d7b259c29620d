package org.ernie4j.core.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.ernie4j.core.wordpiece.TokenizerSettings;
import org.ernie4j.core.wordpiece.VocabularyException;
import org.ernie4j.core.wordpiece.WordPieceVocabulary;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * A Hugging Face {@code tokenizer.json} of a BERT-family model: its WordPiece vocabulary, and how its
 * {@code BertNormalizer}, {@code BertPreTokenizer}, post-processor and truncation say text becomes pieces. What ernie4j
 * cannot do exactly as the file says is refused, by key (another normalizer or model, another continuation prefix, a
 * template other than {@code [CLS] A [SEP]}); differences that only show on unusual input are notes.
 *
 * @param vocabulary the pieces, with the file's tokenizer settings
 * @param notes what the import should tell the user
 */
public record TokenizerJson(WordPieceVocabulary vocabulary, List<String> notes)
{
    public static final String FILE = "tokenizer.json";

    public TokenizerJson
    {
        requireNonNull(vocabulary, "vocabulary is null");
        notes = List.copyOf(notes);
    }

    public static TokenizerJson read(Path file)
    {
        JsonNode root = JsonObjectFile.read(file);
        return new Reader(file, root).read();
    }

    private static final class Reader
    {
        private final Path file;
        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Reader(Path file, JsonNode root)
        {
            this.file = file;
            this.root = root;
        }

        TokenizerJson read()
        {
            JsonNode model = root.path("model");
            expect(model, "type", "WordPiece", "model.type");
            expect(model, "continuing_subword_prefix", WordPieceVocabulary.CONTINUATION, "model.continuing_subword_prefix");
            expect(model, "unk_token", WordPieceVocabulary.UNK, "model.unk_token");
            int maxWordLength = model.path("max_input_chars_per_word").asInt(TokenizerSettings.UNCASED.maxWordLength());
            List<String> pieces = pieces(model.path("vocab"));

            JsonNode normalizer = root.path("normalizer");
            expect(normalizer, "type", "BertNormalizer", "normalizer.type");
            boolean lowercase = normalizer.path("lowercase").asBoolean(true);
            // BertNormalizer's strip_accents null means: strip accents when lower-casing, as BERT's uncased models do.
            JsonNode strip = normalizer.path("strip_accents");
            boolean stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase;
            boolean splitCjk = normalizer.path("handle_chinese_chars").asBoolean(true);
            boolean cleanText = normalizer.path("clean_text").asBoolean(true);
            expect(root.path("pre_tokenizer"), "type", "BertPreTokenizer", "pre_tokenizer.type");
            checkTemplate(root.path("post_processor"));
            OptionalInt maxLength = OptionalInt.empty();
            JsonNode truncation = root.path("truncation");
            if (truncation.isObject()) {
                maxLength = OptionalInt.of(truncation.path("max_length").asInt());
                if (!truncation.path("direction").asText("Right").equals("Right")) {
                    problems.add("truncation.direction " + truncation.path("direction") + ": ernie4j cuts inputs at the end only");
                }
            }
            if (!problems.isEmpty()) {
                throw new InteropException(file, problems);
            }
            WordPieceVocabulary vocabulary;
            try {
                vocabulary = WordPieceVocabulary.of(pieces);
            }
            catch (VocabularyException e) {
                throw new InteropException(file, e.getMessage(), e);
            }
            checkAddedTokens(root.path("added_tokens"), vocabulary);
            if (!problems.isEmpty()) {
                throw new InteropException(file, problems);
            }
            TokenizerSettings settings = new TokenizerSettings(cleanText, splitCjk, stripAccents, lowercase, maxWordLength, maxLength);
            return new TokenizerJson(vocabulary.withSettings(settings), notes);
        }

        private List<String> pieces(JsonNode vocab)
        {
            if (!vocab.isObject() || vocab.isEmpty()) {
                problems.add("model.vocab is not an object of pieces and ids");
                return List.of();
            }
            String[] byId = new String[vocab.size()];
            for (Iterator<Map.Entry<String, JsonNode>> fields = vocab.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                int id = field.getValue().asInt(-1);
                if (!field.getValue().isIntegralNumber() || id < 0 || id >= byId.length) {
                    problems.add("model.vocab gives '" + field.getKey() + "' the id " + field.getValue() + ", not one of 0 to " + (byId.length - 1));
                }
                else if (byId[id] != null) {
                    problems.add("model.vocab gives the id " + id + " to both '" + byId[id] + "' and '" + field.getKey() + "'");
                }
                else {
                    byId[id] = field.getKey();
                }
            }
            return problems.isEmpty() ? Arrays.asList(byId) : List.of();
        }

        /** Single inputs must become {@code [CLS]} pieces {@code [SEP]}, all of segment 0, as ernie4j's inputs are. */
        private void checkTemplate(JsonNode processor)
        {
            String type = processor.path("type").asText("");
            if (type.equals("BertProcessing")) {
                expectToken(processor.path("cls"), WordPieceVocabulary.CLS, "post_processor.cls");
                expectToken(processor.path("sep"), WordPieceVocabulary.SEP, "post_processor.sep");
                return;
            }
            if (!type.equals("TemplateProcessing")) {
                problems.add("post_processor.type '" + type + "' is not read (BertProcessing or TemplateProcessing with [CLS] A [SEP])");
                return;
            }
            List<String> single = new ArrayList<>();
            for (JsonNode part : processor.path("single")) {
                JsonNode special = part.path("SpecialToken");
                JsonNode sequence = part.path("Sequence");
                JsonNode item = special.isObject() ? special : sequence;
                single.add(item.path("id").asText() + ":" + item.path("type_id").asInt());
            }
            List<String> expected = List.of(WordPieceVocabulary.CLS + ":0", "A:0", WordPieceVocabulary.SEP + ":0");
            if (!single.equals(expected)) {
                problems.add("post_processor.single is " + single + "; ernie4j's inputs are " + expected);
            }
        }

        private void expectToken(JsonNode pair, String token, String key)
        {
            if (!pair.path(0).asText().equals(token)) {
                problems.add(key + " is " + pair + "; ernie4j puts " + token + " there");
            }
        }

        /** Added tokens must be pieces of the vocabulary with the same id; Hugging Face matches them in raw text, ernie4j does not. */
        private void checkAddedTokens(JsonNode added, WordPieceVocabulary vocabulary)
        {
            List<String> matched = new ArrayList<>();
            for (JsonNode token : added) {
                String content = token.path("content").asText();
                int id = token.path("id").asInt(-1);
                if (!vocabulary.contains(content) || vocabulary.id(content) != id) {
                    problems.add("added token '" + content + "' has the id " + id + " but the vocabulary gives it "
                            + (vocabulary.contains(content) ? vocabulary.id(content) : "none"));
                }
                matched.add(content);
            }
            if (!matched.isEmpty()) {
                notes.add("Hugging Face's tokenizer reads " + String.join(", ", matched) + " written in a text as those tokens; ernie4j reads"
                        + " them as text (brackets and words), so do not write them into inputs");
            }
        }

        private void expect(JsonNode node, String field, String expected, String key)
        {
            String actual = node.path(field).asText(null);
            if (!expected.equals(actual)) {
                problems.add(key + " is " + (actual == null ? "missing" : "'" + actual + "'") + "; ernie4j reads " + expected + " only");
            }
        }
    }
}
