package org.ernie4j.runner.spark;

import java.io.Serializable;

import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;

import static java.util.Objects.requireNonNull;

/**
 * The encoder's configuration as it travels to a worker ({@link EncoderConfig} is a plain record of the core, and stays
 * free of Java serialization).
 */
final class EncoderShape
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final int vocabularySize;
    private final int hidden;
    private final int layers;
    private final int heads;
    private final int intermediate;
    private final int maxPositions;
    private final int segmentTypes;
    private final int taskTypes;
    private final double dropout;
    private final double layerNormEpsilon;
    private final Activation activation;
    private final double initializerRange;

    EncoderShape(EncoderConfig config)
    {
        requireNonNull(config, "config is null");
        this.vocabularySize = config.vocabularySize();
        this.hidden = config.hidden();
        this.layers = config.layers();
        this.heads = config.heads();
        this.intermediate = config.intermediate();
        this.maxPositions = config.maxPositions();
        this.segmentTypes = config.segmentTypes();
        this.taskTypes = config.taskTypes();
        this.dropout = config.dropout();
        this.layerNormEpsilon = config.layerNormEpsilon();
        this.activation = config.activation();
        this.initializerRange = config.initializerRange();
    }

    EncoderConfig toConfig()
    {
        return new EncoderConfig(vocabularySize, hidden, layers, heads, intermediate, maxPositions, segmentTypes, taskTypes, dropout,
                layerNormEpsilon, activation, initializerRange);
    }
}
