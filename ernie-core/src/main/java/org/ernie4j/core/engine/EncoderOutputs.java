package org.ernie4j.core.engine;

import org.ernie4j.core.PublicApi;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * What the encoder computes for a batch.
 *
 * <p>The arrays live in native memory, which ND4J frees only when the collector finds them unreachable. A loop that
 * encodes allocates little on the heap, so collections are rare and outputs left to them pile up: at batch 32 of 128
 * pieces a measuring JVM's peak grew by hundreds of MB in half a minute. Callers done with the outputs {@link #close()}
 * them.
 *
 * @param sequence every position's vector, {@code [examples, length, hidden]}
 * @param pooled the pooled first token of each example, {@code [examples, hidden]}
 * @param callersOwn whether the arrays are the caller's alone (the fused engine copies its outputs out of its buffers
 *        into new arrays), so that {@link #close()} may free them; the SameDiff engine's come from its session and are
 *        left to the collector
 */
@PublicApi
public record EncoderOutputs(INDArray sequence, INDArray pooled, boolean callersOwn)
        implements AutoCloseable
{
    public EncoderOutputs
    {
        requireNonNull(sequence, "sequence is null");
        requireNonNull(pooled, "pooled is null");
    }

    /** Frees the arrays' native memory now where they are the caller's own; the arrays must not be read afterwards. */
    @Override
    public void close()
    {
        if (callersOwn) {
            sequence.close();
            pooled.close();
        }
    }
}
