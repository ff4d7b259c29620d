package org.ernie4j.core.config;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code model:} the encoder's shape. Defaults are the reference configuration (hidden 256, 4 layers, 4 heads, FFN 1024).
 */
@PublicApi
public record ModelSection(int hidden, int layers, int heads, int intermediate, int maxPositions, int segmentTypes, int taskTypes,
        double dropout, double layerNormEpsilon, String activation, double initializerRange)
{
    @JsonCreator
    public ModelSection(
            @JsonProperty("hidden") Integer hidden,
            @JsonProperty("layers") Integer layers,
            @JsonProperty("heads") Integer heads,
            @JsonProperty("intermediate") Integer intermediate,
            @JsonProperty("max-positions") Integer maxPositions,
            @JsonProperty("segment-types") Integer segmentTypes,
            @JsonProperty("task-types") Integer taskTypes,
            @JsonProperty("dropout") Double dropout,
            @JsonProperty("layer-norm-epsilon") Double layerNormEpsilon,
            @JsonProperty("activation") String activation,
            @JsonProperty("initializer-range") Double initializerRange)
    {
        this(Defaults.or(hidden, 256), Defaults.or(layers, 4), Defaults.or(heads, 4), Defaults.or(intermediate, 1024),
                Defaults.or(maxPositions, 128), Defaults.or(segmentTypes, 2), Defaults.or(taskTypes, 16), Defaults.or(dropout, 0.1),
                Defaults.or(layerNormEpsilon, 1e-12), Defaults.or(activation, "gelu-tanh"), Defaults.or(initializerRange, 0.02));
    }

    public static ModelSection defaults()
    {
        return new ModelSection((Integer) null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The activation named by {@code activation}. */
    public Activation activationFunction()
    {
        return switch (activation) {
            case "gelu-tanh" -> Activation.GELU_TANH;
            case "gelu-erf" -> Activation.GELU_ERF;
            default -> throw new ConfigException("model.activation", "'" + activation + "' is not one of gelu-tanh, gelu-erf");
        };
    }

    /** The encoder configuration for a vocabulary of {@code vocabularySize} pieces. */
    public EncoderConfig encoder(int vocabularySize)
    {
        return new EncoderConfig(vocabularySize, hidden, layers, heads, intermediate, maxPositions, segmentTypes, taskTypes, dropout,
                layerNormEpsilon, activationFunction(), initializerRange);
    }
}
