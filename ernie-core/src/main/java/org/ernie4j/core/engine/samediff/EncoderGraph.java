package org.ernie4j.core.engine.samediff;

import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;
import static org.ernie4j.core.model.EncoderLayout.EMBEDDING_NORM;
import static org.ernie4j.core.model.EncoderLayout.POOLER;
import static org.ernie4j.core.model.EncoderLayout.attention;
import static org.ernie4j.core.model.EncoderLayout.attentionNorm;
import static org.ernie4j.core.model.EncoderLayout.beta;
import static org.ernie4j.core.model.EncoderLayout.bias;
import static org.ernie4j.core.model.EncoderLayout.feedForwardIn;
import static org.ernie4j.core.model.EncoderLayout.feedForwardNorm;
import static org.ernie4j.core.model.EncoderLayout.feedForwardOut;
import static org.ernie4j.core.model.EncoderLayout.gamma;
import static org.ernie4j.core.model.EncoderLayout.weight;

/**
 * Builds the post-LayerNorm Transformer encoder in a SameDiff graph, on top of embeddings summed outside the graph.
 *
 * <p>Why the embeddings come from outside: SameDiff M2.1's {@code gather} has no usable gradient and a one-hot matmul
 * over the vocabulary costs more than the rest of the model. The engine looks the rows up itself, feeds their sum as
 * a placeholder, and scatters the placeholder's gradient back into the tables.
 *
 * <p>Activations stay two-dimensional ({@code [batch * length, hidden]}) so that every dense layer is one plain matrix
 * product; only attention reshapes to {@code [batch, heads, length, head size]}.
 */
final class EncoderGraph
{
    private final SameDiff sd;
    private final EncoderConfig config;
    private final ModelParameters parameters;
    private final boolean dropout;
    private int dropoutMasks;

    /** Variables in the graph for the parameters used so far, keyed by parameter name. */
    private final java.util.Map<String, SDVariable> variables = new java.util.LinkedHashMap<>();

    EncoderGraph(SameDiff sd, EncoderConfig config, ModelParameters parameters)
    {
        this.sd = requireNonNull(sd, "sd is null");
        this.config = requireNonNull(config, "config is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.dropout = config.dropout() > 0;
    }

    /** The outputs of the encoder for the graph's placeholders. */
    record Outputs(SDVariable sequence, SDVariable pooled, SDVariable batchAndLength, SDVariable mask)
    {
    }

    Outputs build()
    {
        DataType type = parameters.dataType();
        int hidden = config.hidden();
        SDVariable embeddings = sd.placeHolder(GraphNames.EMBEDDINGS, type, -1, -1, hidden);
        SDVariable attentionBias = sd.placeHolder(GraphNames.ATTENTION_BIAS, type, -1, 1, 1, -1);
        SDVariable mask = sd.placeHolder(GraphNames.MASK, type, -1, -1);
        SDVariable batchAndLength = sd.shape(embeddings).get(SDIndex.interval(0, 2));

        SDVariable x = sd.reshape(embeddings, -1, hidden);
        x = dropout(layerNorm(x, EMBEDDING_NORM));
        for (int layer = 0; layer < config.layers(); layer++) {
            SDVariable attended = dropout(selfAttention(x, layer, batchAndLength, attentionBias));
            x = layerNorm(x.add(attended), attentionNorm(layer));
            SDVariable inner = activation(dense(x, feedForwardIn(layer)));
            SDVariable projected = dropout(dense(inner, feedForwardOut(layer)));
            x = layerNorm(x.add(projected), feedForwardNorm(layer));
        }
        SDVariable sequence = sd.identity(GraphNames.SEQUENCE_OUTPUT, x);
        SDVariable sequence3d = sd.reshape(sequence, sd.concat(0, batchAndLength, longs(hidden)));
        SDVariable first = sequence3d.get(SDIndex.all(), SDIndex.point(0), SDIndex.all());
        SDVariable pooled = sd.math.tanh(GraphNames.POOLED_OUTPUT, dense(first, POOLER));
        return new Outputs(sequence, pooled, batchAndLength, mask);
    }

    /** The number of dropout mask placeholders the graph has, each {@code [batch * length, hidden]}. */
    int dropoutMaskCount()
    {
        return dropoutMasks;
    }

    /** The graph variable of a parameter, created on first use from the shared array. */
    SDVariable parameter(String name)
    {
        return variables.computeIfAbsent(name, key -> sd.var(key, parameters.get(key)));
    }

    java.util.Set<String> parameterNames()
    {
        return variables.keySet();
    }

    SDVariable dense(SDVariable input, String prefix)
    {
        return input.mmul(parameter(weight(prefix))).add(parameter(bias(prefix)));
    }

    /**
     * Layer norm over the last dimension, written from primitives so that the configured epsilon is honoured
     * (libnd4j's {@code layer_norm} divides by the standard deviation with no epsilon).
     */
    SDVariable layerNorm(SDVariable input, String prefix)
    {
        SDVariable mean = input.mean(true, 1);
        SDVariable centred = input.sub(mean);
        SDVariable variance = centred.mul(centred).mean(true, 1);
        SDVariable normalised = centred.mul(sd.math.rsqrt(variance.add(config.layerNormEpsilon())));
        return normalised.mul(parameter(gamma(prefix))).add(parameter(beta(prefix)));
    }

    SDVariable activation(SDVariable x)
    {
        if (config.activation() == Activation.GELU_ERF) {
            SDVariable cdf = sd.math.erf(x.mul(1.0 / Math.sqrt(2.0))).add(1.0).mul(0.5);
            return x.mul(cdf);
        }
        SDVariable cubic = x.mul(x).mul(x).mul(0.044715);
        SDVariable inner = x.add(cubic).mul(Math.sqrt(2.0 / Math.PI));
        return x.mul(sd.math.tanh(inner).add(1.0)).mul(0.5);
    }

    private SDVariable selfAttention(SDVariable x, int layer, SDVariable batchAndLength, SDVariable attentionBias)
    {
        SDVariable query = heads(dense(x, attention(layer, "query")), batchAndLength);
        SDVariable key = heads(dense(x, attention(layer, "key")), batchAndLength);
        SDVariable value = heads(dense(x, attention(layer, "value")), batchAndLength);
        SDVariable scores = sd.mmul(query, key, false, true, false).mul(1.0 / Math.sqrt(config.headSize()));
        SDVariable probabilities = sd.nn.softmax(scores.add(attentionBias), 3);
        SDVariable context = sd.mmul(probabilities, value);
        // [batch, heads, length, head size] -> [batch, length, heads, head size] -> [batch * length, hidden]
        SDVariable merged = sd.reshape(sd.permute(context, 0, 2, 1, 3), -1, config.hidden());
        return dense(merged, attention(layer, "output"));
    }

    /** {@code [batch * length, hidden]} to {@code [batch, heads, length, head size]}. */
    private SDVariable heads(SDVariable x, SDVariable batchAndLength)
    {
        SDVariable shape = sd.concat(0, batchAndLength, longs(config.heads(), config.headSize()));
        return sd.permute(sd.reshape(x, shape), 0, 2, 1, 3);
    }

    private SDVariable dropout(SDVariable x)
    {
        if (!dropout) {
            return x;
        }
        SDVariable mask = sd.placeHolder(GraphNames.dropoutMask(dropoutMasks++), parameters.dataType(), -1, config.hidden());
        return x.mul(mask);
    }

    private SDVariable longs(long... values)
    {
        return sd.constant(Nd4j.createFromArray(values));
    }
}
