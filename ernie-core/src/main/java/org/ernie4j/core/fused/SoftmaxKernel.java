package org.ernie4j.core.fused;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static org.ernie4j.core.fused.Kernels.LANES;
import static org.ernie4j.core.fused.Kernels.SPECIES;
import static org.ernie4j.core.fused.Kernels.load;
import static org.ernie4j.core.fused.Kernels.store;

/**
 * The attention softmax over keys, in place on a block of scores, with the graph's additive padding bias (a key at or
 * beyond the row's length gets {@value #PADDING_BIAS}, whose exponential is exactly zero in float), and its backward pass
 * {@code dS = P (dP - sum_j dP_j P_j)}.
 */
final class SoftmaxKernel
{
    static final float PADDING_BIAS = -10000f;

    private SoftmaxKernel()
    {
    }

    /** Softmax of each of {@code rows} rows of {@code columns} scores (leading dimension {@code columns}), in place. */
    static void forward(FloatBlock scores, long offset, int rows, int columns, int validColumns)
    {
        ByteBuffer s = scores.bytes();
        for (int row = 0; row < rows; row++) {
            long start = offset + (long) row * columns;
            for (int c = validColumns; c < columns; c++) {
                int index = (int) (4 * (start + c));
                s.putFloat(index, s.getFloat(index) + PADDING_BIAS);
            }
            int c = 0;
            FloatVector maxima = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
            for (; c + LANES <= columns; c += LANES) {
                maxima = maxima.max(load(s, start + c));
            }
            float max = maxima.reduceLanes(VectorOperators.MAX);
            for (; c < columns; c++) {
                max = Math.max(max, s.getFloat((int) (4 * (start + c))));
            }
            c = 0;
            FloatVector sums = FloatVector.zero(SPECIES);
            for (; c + LANES <= columns; c += LANES) {
                FloatVector e = load(s, start + c).sub(max).lanewise(VectorOperators.EXP);
                store(e, s, start + c);
                sums = sums.add(e);
            }
            float sum = sums.reduceLanes(VectorOperators.ADD);
            for (; c < columns; c++) {
                int index = (int) (4 * (start + c));
                float e = (float) Math.exp(s.getFloat(index) - max);
                s.putFloat(index, e);
                sum += e;
            }
            float inverse = 1f / sum;
            c = 0;
            for (; c + LANES <= columns; c += LANES) {
                store(load(s, start + c).mul(inverse), s, start + c);
            }
            for (; c < columns; c++) {
                int index = (int) (4 * (start + c));
                s.putFloat(index, s.getFloat(index) * inverse);
            }
        }
    }

    /** Turns {@code dP} into {@code dS} in place, given the probabilities {@code P}. */
    static void backward(FloatBlock probabilities, long pOffset, FloatBlock gradient, long gOffset, int rows, int columns)
    {
        ByteBuffer p = probabilities.bytes();
        ByteBuffer g = gradient.bytes();
        for (int row = 0; row < rows; row++) {
            long pStart = pOffset + (long) row * columns;
            long gStart = gOffset + (long) row * columns;
            int c = 0;
            FloatVector dots = FloatVector.zero(SPECIES);
            for (; c + LANES <= columns; c += LANES) {
                dots = load(g, gStart + c).fma(load(p, pStart + c), dots);
            }
            float dot = dots.reduceLanes(VectorOperators.ADD);
            for (; c < columns; c++) {
                dot += g.getFloat((int) (4 * (gStart + c))) * p.getFloat((int) (4 * (pStart + c)));
            }
            c = 0;
            for (; c + LANES <= columns; c += LANES) {
                store(load(g, gStart + c).sub(dot).mul(load(p, pStart + c)), g, gStart + c);
            }
            for (; c < columns; c++) {
                int index = (int) (4 * (gStart + c));
                g.putFloat(index, (g.getFloat(index) - dot) * p.getFloat((int) (4 * (pStart + c))));
            }
        }
    }
}
