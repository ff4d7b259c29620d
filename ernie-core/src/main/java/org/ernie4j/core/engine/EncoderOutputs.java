package org.ernie4j.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * What the encoder computes for a batch.
 *
 * @param sequence every position's vector, {@code [examples, length, hidden]}
 * @param pooled the pooled first token of each example, {@code [examples, hidden]}
 */
public record EncoderOutputs(INDArray sequence, INDArray pooled)
{
    public EncoderOutputs
    {
        requireNonNull(sequence, "sequence is null");
        requireNonNull(pooled, "pooled is null");
    }
}
