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
    /** Rows taken together, a step at a time: each of a row's steps waits for the one before, another row's can run beside it. */
    private static final int GROUP = 4;

    private SoftmaxKernel()
    {
    }

    /** Softmax of each of {@code rows} rows of {@code columns} scores (rows {@code ld} floats apart), in place. */
    static void forward(FloatBlock scores, long offset, int rows, int columns, int ld)
    {
        ByteBuffer s = scores.bytes();
        float[] maxima = new float[GROUP];
        float[] inverses = new float[GROUP];
        for (int first = 0; first < rows; first += GROUP) {
            int group = Math.min(GROUP, rows - first);
            for (int r = 0; r < group; r++) {
                maxima[r] = max(s, offset + (long) (first + r) * ld, columns);
            }
            for (int r = 0; r < group; r++) {
                inverses[r] = 1f / exponentiate(s, offset + (long) (first + r) * ld, columns, maxima[r]);
            }
            for (int r = 0; r < group; r++) {
                Kernels.scaleMatrix(scores, offset + (long) (first + r) * ld, 1, columns, ld, inverses[r]);
            }
        }
    }

    /**
     * The largest of a row's scores. Two running maxima, each kept by compare and blend: a vector {@code max} follows
     * Java's rules for NaN and signed zeros in a chain of several instructions, and one running maximum made this loop
     * about a fifth of the kernel's time (3.2 of 18 us a head of 128 keys).
     */
    private static float max(ByteBuffer s, long start, int columns)
    {
        FloatVector maxima = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector others = maxima;
        int c = 0;
        for (; c + 2 * LANES <= columns; c += 2 * LANES) {
            FloatVector v = load(s, start + c);
            FloatVector w = load(s, start + c + LANES);
            maxima = maxima.blend(v, v.compare(VectorOperators.GT, maxima));
            others = others.blend(w, w.compare(VectorOperators.GT, others));
        }
        if (c + LANES <= columns) {
            FloatVector v = load(s, start + c);
            maxima = maxima.blend(v, v.compare(VectorOperators.GT, maxima));
            c += LANES;
        }
        float max = maxima.max(others).reduceLanes(VectorOperators.MAX);
        for (; c < columns; c++) {
            max = Math.max(max, s.getFloat((int) (4 * (start + c))));
        }
        return max;
    }

    /** Replaces a row's values with {@code exp(value - max)}; returns their sum (the cross-entropy's too). */
    static float exponentiate(ByteBuffer s, long start, int columns, float max)
    {
        int c = 0;
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
        return sum;
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
