package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * A Hugging Face BERT or ERNIE {@code config.json}: the keys that decide the encoder's shape and arithmetic.
 *
 * <p>Reading refuses what would compute another function: an activation other than GELU (the exact erf form
 * {@code gelu} / {@code gelu_python}, or the tanh form {@code gelu_new} / {@code gelu_pytorch_tanh} / {@code gelu_fast}), relative position embeddings, a decoder, cross-attention, or a
 * {@code model_type} of another layout (RoBERTa's positions, for one, start after the padding index). Keys that do not
 * change the function (ids of special tokens, dropout, the library version) are kept as "not used" for the import report.
 *
 * @param modelType {@code bert}, {@code ernie}, or empty when the file does not say
 * @param taskTypes rows of {@code embeddings.task_type_embeddings}, 0 when the model has no task embedding
 * @param attentionDropout the file's attention-probability dropout; ernie4j has none, so it only matters for training
 * @param unusedKeys keys of the file that ernie4j does not read
 */
public record BertConfigJson(
        String modelType,
        int vocabularySize,
        int hidden,
        int layers,
        int heads,
        int intermediate,
        int maxPositions,
        int segmentTypes,
        int taskTypes,
        Activation activation,
        double layerNormEpsilon,
        double initializerRange,
        double hiddenDropout,
        double attentionDropout,
        List<String> unusedKeys)
{
    /** Where ernie4j records what Hugging Face's config has no key for. */
    static final String ERNIE4J = "ernie4j";
    private static final Set<String> READ = Set.of("model_type", "vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads",
            "intermediate_size", "max_position_embeddings", "type_vocab_size", "task_type_vocab_size", "use_task_id", "hidden_act",
            "layer_norm_eps", "initializer_range", "hidden_dropout_prob", "attention_probs_dropout_prob", "position_embedding_type",
            "is_decoder", "add_cross_attention", ERNIE4J);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BertConfigJson
    {
        requireNonNull(modelType, "modelType is null");
        requireNonNull(activation, "activation is null");
        unusedKeys = List.copyOf(unusedKeys);
    }

    /** The configuration of an ernie4j encoder. */
    public static BertConfigJson of(EncoderConfig encoder)
    {
        return new BertConfigJson("ernie", encoder.vocabularySize(), encoder.hidden(), encoder.layers(), encoder.heads(), encoder.intermediate(),
                encoder.maxPositions(), encoder.segmentTypes(), encoder.taskTypes(), encoder.activation(), encoder.layerNormEpsilon(),
                encoder.initializerRange(), encoder.dropout(), 0.0, List.of());
    }

    /** The ernie4j encoder with {@code taskRows} rows of task embedding (at least the file's). */
    public EncoderConfig encoder(int taskRows)
    {
        return new EncoderConfig(vocabularySize, hidden, layers, heads, intermediate, maxPositions, segmentTypes, taskRows, hiddenDropout,
                layerNormEpsilon, activation, initializerRange);
    }

    public static BertConfigJson read(Path file)
    {
        JsonNode root = JsonObjectFile.read(file);
        return new Reader(file, root).read();
    }

    /** Writes the Hugging Face keys, and under {@code ernie4j} what ernie4j fixes that Hugging Face assumes. */
    public void write(Path file, int padId)
    {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("architectures").add(taskTypes > 0 ? "ErnieModel" : "BertModel");
        root.put("model_type", taskTypes > 0 ? "ernie" : "bert");
        root.put("vocab_size", vocabularySize);
        root.put("hidden_size", hidden);
        root.put("num_hidden_layers", layers);
        root.put("num_attention_heads", heads);
        root.put("intermediate_size", intermediate);
        root.put("hidden_act", activation == Activation.GELU_ERF ? "gelu" : "gelu_new");
        root.put("hidden_dropout_prob", hiddenDropout);
        root.put("attention_probs_dropout_prob", attentionDropout);
        root.put("max_position_embeddings", maxPositions);
        root.put("type_vocab_size", segmentTypes);
        if (taskTypes > 0) {
            root.put("use_task_id", true);
            root.put("task_type_vocab_size", taskTypes);
        }
        root.put("initializer_range", initializerRange);
        root.put("layer_norm_eps", layerNormEpsilon);
        root.put("position_embedding_type", "absolute");
        root.put("pad_token_id", padId);
        ObjectNode ours = root.putObject(ERNIE4J);
        ours.put("layer_norm_position", "post");
        ours.put("attention_padding_bias", -10000.0);
        ours.put("note", "post-LN encoder as BERT; no attention-probability dropout; the pooler is tanh(dense(first position))");
        try {
            java.nio.file.Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        }
        catch (IOException e) {
            throw new InteropException(file, "cannot be written: " + e.getMessage(), e);
        }
    }

    private static final class Reader
    {
        private final Path file;
        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();

        Reader(Path file, JsonNode root)
        {
            this.file = file;
            this.root = root;
        }

        BertConfigJson read()
        {
            String modelType = root.path("model_type").asText("");
            if (!modelType.isEmpty() && !modelType.equals("bert") && !modelType.equals("ernie")) {
                problems.add("model_type '" + modelType + "' has another layout than BERT/ERNIE (only bert and ernie are read)");
            }
            int vocabulary = integer("vocab_size", null);
            int hidden = integer("hidden_size", null);
            int layers = integer("num_hidden_layers", null);
            int heads = integer("num_attention_heads", null);
            int intermediate = integer("intermediate_size", null);
            int positions = integer("max_position_embeddings", null);
            int segments = integer("type_vocab_size", 2);
            boolean useTaskId = root.path("use_task_id").asBoolean(false);
            int tasks = useTaskId ? integer("task_type_vocab_size", null) : 0;
            if (!useTaskId && root.has("task_type_vocab_size")) {
                // ERNIE's config names the size even when use_task_id is false; then the model has no task embedding.
                tasks = 0;
            }
            Activation activation = activation(root.path("hidden_act").asText("gelu"));
            double epsilon = number("layer_norm_eps", 1e-12);
            double range = number("initializer_range", 0.02);
            double hiddenDropout = number("hidden_dropout_prob", 0.1);
            double attentionDropout = number("attention_probs_dropout_prob", 0.1);
            String positionType = root.path("position_embedding_type").asText("absolute");
            if (!positionType.equals("absolute")) {
                problems.add("position_embedding_type '" + positionType + "' is not supported (only absolute position embeddings)");
            }
            if (root.path("is_decoder").asBoolean(false) || root.path("add_cross_attention").asBoolean(false)) {
                problems.add("is_decoder/add_cross_attention: a decoder is not supported (ernie4j's encoder attends both ways)");
            }
            String position = root.path(ERNIE4J).path("layer_norm_position").asText("post");
            if (!position.equals("post")) {
                problems.add(ERNIE4J + ".layer_norm_position '" + position + "' is not supported (BERT's post-LN only)");
            }
            if (!problems.isEmpty()) {
                throw new InteropException(file, problems);
            }
            Set<String> unused = new LinkedHashSet<>();
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!READ.contains(name)) {
                    unused.add(name);
                }
            }
            BertConfigJson config = new BertConfigJson(modelType, vocabulary, hidden, layers, heads, intermediate, positions, segments, tasks,
                    activation, epsilon, range, hiddenDropout, attentionDropout, List.copyOf(unused));
            try {
                config.encoder(Math.max(1, tasks));
            }
            catch (IllegalArgumentException e) {
                throw new InteropException(file, e.getMessage(), e);
            }
            return config;
        }

        private Activation activation(String name)
        {
            return switch (name) {
                case "gelu", "gelu_python" -> Activation.GELU_ERF;
                // gelu_fast writes the same tanh formula with sqrt(2/pi) folded in.
                case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> Activation.GELU_TANH;
                default -> {
                    problems.add("hidden_act '" + name + "' is not supported (gelu or gelu_python for the exact erf form; gelu_new,"
                            + " gelu_pytorch_tanh or gelu_fast for the tanh form)");
                    yield Activation.GELU_ERF;
                }
            };
        }

        private int integer(String key, Integer fallback)
        {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                if (fallback == null) {
                    problems.add("key " + key + " is missing");
                    return 0;
                }
                return fallback;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                problems.add("key " + key + " is " + node + ", not a whole number");
                return 0;
            }
            return node.asInt();
        }

        private double number(String key, double fallback)
        {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isNumber()) {
                problems.add("key " + key + " is " + node + ", not a number");
                return fallback;
            }
            return node.asDouble();
        }
    }
}
