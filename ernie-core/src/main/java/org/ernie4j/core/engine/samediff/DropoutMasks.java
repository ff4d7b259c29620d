package org.ernie4j.core.engine.samediff;

import java.nio.FloatBuffer;

import org.ernie4j.core.model.DropoutRule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted-dropout masks drawn in Java from a seed, rather than by a random op inside the graph: the masks of a step are
 * then a pure function of (run seed, step), so a resumed run and another engine see exactly the same dropout
 * ({@link DropoutRule}).
 */
final class DropoutMasks
{
    private DropoutMasks()
    {
    }

    /** Mask {@code index} of a step: each entry 0 with probability {@code p}, else {@code 1 / (1 - p)}. */
    static INDArray mask(long seed, int index, long rows, int columns, double p, DataType type)
    {
        int length = Math.toIntExact(rows * columns);
        float[] values = new float[length];
        DropoutRule.fill(seed, index, p, FloatBuffer.wrap(values), length);
        return Nd4j.create(values, new long[] {rows, columns}, 'c').castTo(type);
    }

    /** A mask that keeps everything, for evaluation. */
    static INDArray ones(long rows, int columns, DataType type)
    {
        return Nd4j.ones(type, rows, columns);
    }
}
