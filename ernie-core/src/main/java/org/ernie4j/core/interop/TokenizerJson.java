package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.VocabularyException;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /**
     * Writes {@code vocabulary} and its settings as a tokenizer.json that Hugging Face's tokenizers (and {@link #read}) take:
     * BertNormalizer, BertPreTokenizer, WordPiece, {@code [CLS] A [SEP]} (pairs {@code [CLS] A [SEP] B [SEP]}).
     */
    public static void write(WordPieceVocabulary vocabulary, Path file)
    {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        TokenizerSettings settings = vocabulary.settings();
        if (settings.maxLength().isPresent()) {
            root.putObject("truncation").put("direction", "Right").put("max_length", settings.maxLength().getAsInt())
                    .put("strategy", "LongestFirst").put("stride", 0);
        }
        else {
            root.putNull("truncation");
        }
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String token : WordPieceVocabulary.SPECIAL_TOKENS) {
            added.addObject().put("id", vocabulary.id(token)).put("content", token).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putObject("normalizer").put("type", "BertNormalizer").put("clean_text", settings.cleanText())
                .put("handle_chinese_chars", settings.splitCjk()).put("strip_accents", settings.stripAccents()).put("lowercase", settings.lowercase());
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode processor = root.putObject("post_processor").put("type", "TemplateProcessing");
        template(processor.putArray("single"), List.of(WordPieceVocabulary.CLS, "A", WordPieceVocabulary.SEP), List.of(0, 0, 0));
        template(processor.putArray("pair"), List.of(WordPieceVocabulary.CLS, "A", WordPieceVocabulary.SEP, "B", WordPieceVocabulary.SEP),
                List.of(0, 0, 0, 1, 1));
        ObjectNode specials = processor.putObject("special_tokens");
        for (String token : List.of(WordPieceVocabulary.CLS, WordPieceVocabulary.SEP)) {
            ObjectNode special = specials.putObject(token).put("id", token);
            special.putArray("ids").add(vocabulary.id(token));
            special.putArray("tokens").add(token);
        }
        root.putObject("decoder").put("type", "WordPiece").put("prefix", WordPieceVocabulary.CONTINUATION).put("cleanup", true);
        ObjectNode model = root.putObject("model").put("type", "WordPiece").put("unk_token", WordPieceVocabulary.UNK)
                .put("continuing_subword_prefix", WordPieceVocabulary.CONTINUATION).put("max_input_chars_per_word", settings.maxWordLength());
        ObjectNode vocab = model.putObject("vocab");
        for (int id = 0; id < vocabulary.size(); id++) {
            vocab.put(vocabulary.piece(id), id);
        }
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        }
        catch (IOException e) {
            throw new InteropException(file, "cannot be written: " + e.getMessage(), e);
        }
    }

    private static void template(ArrayNode parts, List<String> items, List<Integer> typeIds)
    {
        for (int i = 0; i < items.size(); i++) {
            boolean sequence = items.get(i).equals("A") || items.get(i).equals("B");
            parts.addObject().putObject(sequence ? "Sequence" : "SpecialToken").put("id", items.get(i)).put("type_id", typeIds.get(i));
        }
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
