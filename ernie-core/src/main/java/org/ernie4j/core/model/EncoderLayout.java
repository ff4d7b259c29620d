package org.ernie4j.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The names and shapes of the encoder's parameters. Weights are stored {@code [in, out]} so that a layer computes
 * {@code x W + b} without a transpose.
 */
public final class EncoderLayout
{
    public static final String TOKEN_EMBEDDING = "embeddings.token";
    public static final String POSITION_EMBEDDING = "embeddings.position";
    public static final String SEGMENT_EMBEDDING = "embeddings.segment";
    public static final String TASK_EMBEDDING = "embeddings.task";
    public static final String EMBEDDING_NORM = "embeddings.norm";
    public static final String POOLER = "pooler";

    private EncoderLayout()
    {
    }

    /** The encoder's parameters in a fixed order: embeddings, layers, pooler. */
    public static List<ParameterSpec> parameters(EncoderConfig config)
    {
        int hidden = config.hidden();
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.weight(TOKEN_EMBEDDING, config.vocabularySize(), hidden));
        specs.add(ParameterSpec.weight(POSITION_EMBEDDING, config.maxPositions(), hidden));
        specs.add(ParameterSpec.weight(SEGMENT_EMBEDDING, config.segmentTypes(), hidden));
        specs.add(ParameterSpec.weight(TASK_EMBEDDING, config.taskTypes(), hidden));
        addNorm(specs, EMBEDDING_NORM, hidden);
        for (int layer = 0; layer < config.layers(); layer++) {
            for (String projection : List.of("query", "key", "value", "output")) {
                addDense(specs, attention(layer, projection), hidden, hidden);
            }
            addNorm(specs, attentionNorm(layer), hidden);
            addDense(specs, feedForwardIn(layer), hidden, config.intermediate());
            addDense(specs, feedForwardOut(layer), config.intermediate(), hidden);
            addNorm(specs, feedForwardNorm(layer), hidden);
        }
        addDense(specs, POOLER, hidden, hidden);
        return List.copyOf(specs);
    }

    public static String attention(int layer, String projection)
    {
        return "layer." + layer + ".attention." + projection;
    }

    public static String attentionNorm(int layer)
    {
        return "layer." + layer + ".attention.norm";
    }

    public static String feedForwardIn(int layer)
    {
        return "layer." + layer + ".ffn.in";
    }

    public static String feedForwardOut(int layer)
    {
        return "layer." + layer + ".ffn.out";
    }

    public static String feedForwardNorm(int layer)
    {
        return "layer." + layer + ".ffn.norm";
    }

    /** The weight of a dense layer named {@code prefix}. */
    public static String weight(String prefix)
    {
        return prefix + ".weight";
    }

    public static String bias(String prefix)
    {
        return prefix + ".bias";
    }

    public static String gamma(String prefix)
    {
        return prefix + ".gamma";
    }

    public static String beta(String prefix)
    {
        return prefix + ".beta";
    }

    static void addDense(List<ParameterSpec> specs, String prefix, long in, long out)
    {
        specs.add(ParameterSpec.weight(weight(prefix), in, out));
        specs.add(ParameterSpec.bias(bias(prefix), out));
    }

    static void addNorm(List<ParameterSpec> specs, String prefix, long size)
    {
        specs.add(ParameterSpec.gain(gamma(prefix), size));
        specs.add(ParameterSpec.bias(beta(prefix), size));
    }
}
