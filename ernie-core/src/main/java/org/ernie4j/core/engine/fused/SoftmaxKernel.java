package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static org.ernie4j.core.engine.fused.Kernels.LANES;
import static org.ernie4j.core.engine.fused.Kernels.SPECIES;
import static org.ernie4j.core.engine.fused.Kernels.load;
import static org.ernie4j.core.engine.fused.Kernels.store;

/**
 * The attention softmax over keys, in place on a block of scores, and its backward pass
 * {@code dS = P (dP - sum_j dP_j P_j)}. Only a sequence's real keys take part: the graph adds -10000 to the scores of
 * padding keys, whose exponentials are then exactly zero in float, so leaving those keys out gives the same
 * probabilities and the same sums, and saves their work.
 */
final class SoftmaxKernel
{
    private SoftmaxKernel()
    {
    }

    /** Softmax of each of {@code rows} rows of {@code columns} scores (rows {@code ld} floats apart), in place. */
    static void forward(FloatBlock scores, long offset, int rows, int columns, int ld)
    {
        ByteBuffer s = scores.bytes();
        for (int row = 0; row < rows; row++) {
            long start = offset + (long) row * ld;
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

    /** Turns {@code dP} into {@code dS} in place, given the probabilities {@code P} (both with rows {@code ld} floats apart). */
    static void backward(FloatBlock probabilities, long pOffset, FloatBlock gradient, long gOffset, int rows, int columns, int ld)
    {
        ByteBuffer p = probabilities.bytes();
        ByteBuffer g = gradient.bytes();
        for (int row = 0; row < rows; row++) {
            long pStart = pOffset + (long) row * ld;
            long gStart = gOffset + (long) row * ld;
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
