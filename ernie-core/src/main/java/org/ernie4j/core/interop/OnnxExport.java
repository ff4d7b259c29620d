package org.ernie4j.core.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.support.Versions;

import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;

import static java.util.Objects.requireNonNull;
import static org.ernie4j.core.interop.OnnxGraphWriter.FLOAT;
import static org.ernie4j.core.interop.OnnxGraphWriter.INT64;
import static org.ernie4j.core.interop.OnnxGraphWriter.integer;
import static org.ernie4j.core.interop.OnnxGraphWriter.integers;
import static org.ernie4j.core.interop.OnnxGraphWriter.real;

/**
 * Writes a pre-trained encoder as an ONNX graph (opset 17) that any ONNX runtime can serve: inputs {@code input_ids},
 * {@code attention_mask}, {@code token_type_ids} and {@code task_type_ids} ({@code [batch, sequence]}, int64), outputs
 * {@code last_hidden_state} and {@code pooler_output}, computing what ernie4j's encoder computes (post-LN layers, the task
 * embedding added to the others, -10000 on the attention scores of padding keys, the model's GELU form).
 *
 * <p>Embeddings, biases and norms carry their Hugging Face names; a dense layer's matrix is stored as ernie4j and the
 * MatMul hold it, {@code [in, out]}, under the Hugging Face name with {@code .transposed}. {@code ernie import} reads the
 * file back through the graph, as it reads PyTorch's exports. Beside it go the tokenizer as {@code tokenizer.json} (its
 * vocabulary and settings, for Hugging Face's tokenizers and for the import) and the vocabulary as {@code vocab.txt}.
 */
@PublicApi
public final class OnnxExport
{
    public static final int OPSET = 17;
    /** IR version 8 goes with opset 17. */
    private static final int IR_VERSION = 8;

    /** Writes {@code model.onnx}, {@code tokenizer.json} and {@code vocab.txt} into {@code directory} (existing files are refused). */
    public void write(PretrainedModel model, Path directory)
    {
        requireNonNull(model, "model is null");
        requireNonNull(directory, "directory is null");
        WeightExport.refuseExisting(directory, List.of(OnnxImport.MODEL, TokenizerJson.FILE, WeightImport.VOCABULARY));
        ModelProto onnx = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("ernie4j")
                .setProducerVersion(Versions.ernie4j())
                .setGraph(new Encoder(model).graph().build())
                .build();
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(directory.resolve(OnnxImport.MODEL))) {
                onnx.writeTo(out);
            }
            TokenizerJson.write(model.vocabulary(), directory.resolve(TokenizerJson.FILE));
            model.vocabulary().save(directory.resolve(WeightImport.VOCABULARY));
        }
        catch (IOException e) {
            throw new InteropException(directory, "cannot be written: " + e.getMessage(), e);
        }
    }

    /** The encoder's graph, node by node. */
    private static final class Encoder
    {
        private static final List<Object> BATCH_AND_SEQUENCE = List.of("batch", "sequence");

        private final EncoderConfig config;
        private final OnnxGraphWriter graph = new OnnxGraphWriter("ernie4j-encoder");
        private final Map<String, String> weights = new HashMap<>();
        private final float epsilon;

        Encoder(PretrainedModel model)
        {
            this.config = model.encoder();
            this.epsilon = (float) config.layerNormEpsilon();
            for (BertParameterNames.Mapping mapping : BertParameterNames.encoder(config)) {
                String name = mapping.transposed() ? mapping.theirs() + ".transposed" : mapping.theirs();
                weights.put(mapping.ours(), graph.weight(name, model.parameters().get(mapping.ours())));
            }
        }

        OnnxGraphWriter graph()
        {
            for (String input : List.of("input_ids", "attention_mask", "token_type_ids", "task_type_ids")) {
                graph.input(input, INT64, BATCH_AND_SEQUENCE);
            }
            String x = embeddings();
            String paddingBias = paddingBias();
            for (int layer = 0; layer < config.layers(); layer++) {
                x = layer(layer, x, paddingBias);
            }
            graph.output("last_hidden_state", x, FLOAT, List.of("batch", "sequence", (long) config.hidden()));
            String first = graph.node("Gather", List.of(x, graph.longs(new long[0], 0)), integer("axis", 1));
            String pooled = graph.node("Tanh", List.of(dense(first, EncoderLayout.POOLER)));
            graph.output("pooler_output", pooled, FLOAT, List.of("batch", (long) config.hidden()));
            return graph;
        }

        private String embeddings()
        {
            String words = graph.node("Gather", List.of(weights.get(EncoderLayout.TOKEN_EMBEDDING), "input_ids"));
            String segments = graph.node("Gather", List.of(weights.get(EncoderLayout.SEGMENT_EMBEDDING), "token_type_ids"));
            String tasks = graph.node("Gather", List.of(weights.get(EncoderLayout.TASK_EMBEDDING), "task_type_ids"));
            String length = graph.node("Gather", List.of(graph.node("Shape", List.of("input_ids")), graph.longs(new long[0], 1)));
            String positions = graph.node("Range", List.of(graph.longs(new long[0], 0), length, graph.longs(new long[0], 1)));
            String positionVectors = graph.node("Gather", List.of(weights.get(EncoderLayout.POSITION_EMBEDDING), positions));
            String sum = add(add(add(words, segments), tasks), positionVectors);
            return norm(sum, EncoderLayout.EMBEDDING_NORM);
        }

        /** -10000 on padding keys, 0 elsewhere, as {@code [batch, 1, 1, sequence]}. */
        private String paddingBias()
        {
            String mask = graph.node("Cast", List.of("attention_mask"), integer("to", FLOAT));
            String padding = graph.node("Sub", List.of(graph.scalar(1f), mask));
            String bias = graph.node("Mul", List.of(padding, graph.scalar(-10000f)));
            return graph.node("Unsqueeze", List.of(bias, graph.longs(new long[] {2}, 1, 2)));
        }

        private String layer(int layer, String x, String paddingBias)
        {
            String query = heads(dense(x, EncoderLayout.attention(layer, "query")), 0, 2, 1, 3);
            String key = heads(dense(x, EncoderLayout.attention(layer, "key")), 0, 2, 3, 1);
            String value = heads(dense(x, EncoderLayout.attention(layer, "value")), 0, 2, 1, 3);
            String scores = graph.node("Mul", List.of(graph.node("MatMul", List.of(query, key)), graph.scalar((float) (1 / Math.sqrt(config.headSize())))));
            String probabilities = graph.node("Softmax", List.of(add(scores, paddingBias)), integer("axis", -1));
            String context = graph.node("Transpose", List.of(graph.node("MatMul", List.of(probabilities, value))), integers("perm", 0, 2, 1, 3));
            String merged = graph.node("Reshape", List.of(context, graph.longs(new long[] {3}, 0, 0, config.hidden())));
            String attended = norm(add(dense(merged, EncoderLayout.attention(layer, "output")), x), EncoderLayout.attentionNorm(layer));
            String inner = gelu(dense(attended, EncoderLayout.feedForwardIn(layer)));
            return norm(add(dense(inner, EncoderLayout.feedForwardOut(layer)), attended), EncoderLayout.feedForwardNorm(layer));
        }

        /** {@code [batch, sequence, hidden]} split into heads and transposed by {@code perm}. */
        private String heads(String x, long... perm)
        {
            String split = graph.node("Reshape", List.of(x, graph.longs(new long[] {4}, 0, 0, config.heads(), config.headSize())));
            return graph.node("Transpose", List.of(split), integers("perm", perm));
        }

        private String gelu(String x)
        {
            String half = graph.node("Mul", List.of(x, graph.scalar(0.5f)));
            String cdf;
            if (config.activation() == Activation.GELU_ERF) {
                cdf = graph.node("Erf", List.of(graph.node("Mul", List.of(x, graph.scalar((float) (1 / Math.sqrt(2)))))));
            }
            else {
                String cubic = graph.node("Mul", List.of(graph.node("Mul", List.of(graph.node("Mul", List.of(x, x)), x)), graph.scalar(0.044715f)));
                cdf = graph.node("Tanh", List.of(graph.node("Mul", List.of(add(x, cubic), graph.scalar((float) Math.sqrt(2 / Math.PI))))));
            }
            return graph.node("Mul", List.of(half, add(cdf, graph.scalar(1f))));
        }

        private String dense(String x, String layer)
        {
            String product = graph.node("MatMul", List.of(x, weights.get(EncoderLayout.weight(layer))));
            return add(product, weights.get(EncoderLayout.bias(layer)));
        }

        private String norm(String x, String layer)
        {
            return graph.node("LayerNormalization", List.of(x, weights.get(EncoderLayout.gamma(layer)), weights.get(EncoderLayout.beta(layer))),
                    integer("axis", -1), real("epsilon", epsilon));
        }

        private String add(String a, String b)
        {
            return graph.node("Add", List.of(a, b));
        }
    }
}
