package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static org.ernie4j.core.engine.fused.FloatBlock.ORDER;

/**
 * Element-wise and row-wise loops shared by the layers: zeroing, accumulation, bias rows and column sums. Offsets and
 * leading dimensions count floats. Each loop runs whole vectors of the CPU's widest float species and finishes the
 * remainder one float at a time.
 */
final class Kernels
{
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private Kernels()
    {
    }

    static FloatVector load(ByteBuffer bytes, long index)
    {
        return FloatVector.fromByteBuffer(SPECIES, bytes, (int) (4 * index), ORDER);
    }

    static void store(FloatVector vector, ByteBuffer bytes, long index)
    {
        vector.intoByteBuffer(bytes, (int) (4 * index), ORDER);
    }

    static void zero(FloatBlock block, long from, long count)
    {
        ByteBuffer bytes = block.bytes();
        FloatVector zero = FloatVector.zero(SPECIES);
        long end = from + count;
        long i = from;
        for (; i + LANES <= end; i += LANES) {
            store(zero, bytes, i);
        }
        for (; i < end; i++) {
            bytes.putFloat((int) (4 * i), 0f);
        }
    }

    /** {@code target[to + i] += source[from + i]} for {@code count} floats. */
    static void add(FloatBlock target, long to, FloatBlock source, long from, long count)
    {
        ByteBuffer t = target.bytes();
        ByteBuffer s = source.bytes();
        int i = 0;
        for (; i + LANES <= count; i += LANES) {
            store(load(t, to + i).add(load(s, from + i)), t, to + i);
        }
        for (; i < count; i++) {
            int ti = (int) (4 * (to + i));
            t.putFloat(ti, t.getFloat(ti) + s.getFloat((int) (4 * (from + i))));
        }
    }

    /** Multiplies a {@code rows x columns} matrix with leading dimension {@code ld} by {@code factor} (zeroes it for 0). */
    static void scaleMatrix(FloatBlock block, long offset, int rows, int columns, int ld, float factor)
    {
        ByteBuffer bytes = block.bytes();
        for (int row = 0; row < rows; row++) {
            long start = offset + (long) row * ld;
            if (factor == 0f) {
                zero(block, start, columns);
                continue;
            }
            int c = 0;
            for (; c + LANES <= columns; c += LANES) {
                store(load(bytes, start + c).mul(factor), bytes, start + c);
            }
            for (; c < columns; c++) {
                int index = (int) (4 * (start + c));
                bytes.putFloat(index, bytes.getFloat(index) * factor);
            }
        }
    }

    /** Adds {@code bias[biasOffset .. + columns)} to every row of a {@code rows x columns} matrix. */
    static void addRowBias(FloatBlock block, long offset, int rows, int columns, int ld, FloatBlock bias, long biasOffset)
    {
        ByteBuffer bytes = block.bytes();
        ByteBuffer b = bias.bytes();
        for (int row = 0; row < rows; row++) {
            long start = offset + (long) row * ld;
            int c = 0;
            for (; c + LANES <= columns; c += LANES) {
                store(load(bytes, start + c).add(load(b, biasOffset + c)), bytes, start + c);
            }
            for (; c < columns; c++) {
                int index = (int) (4 * (start + c));
                bytes.putFloat(index, bytes.getFloat(index) + b.getFloat((int) (4 * (biasOffset + c))));
            }
        }
    }

    /** {@code target[c] += sum over rows of matrix[row, c]}: the gradient of a bias added to every row. */
    static void addColumnSums(FloatBlock matrix, long offset, int rows, int columns, int ld, FloatBlock target, long targetOffset)
    {
        ByteBuffer m = matrix.bytes();
        ByteBuffer t = target.bytes();
        int c = 0;
        // Column strips of four vectors: the partial sums stay in registers while the rows stream past.
        for (; c + 4 * LANES <= columns; c += 4 * LANES) {
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int row = 0; row < rows; row++) {
                long start = offset + (long) row * ld + c;
                s0 = s0.add(load(m, start));
                s1 = s1.add(load(m, start + LANES));
                s2 = s2.add(load(m, start + 2 * LANES));
                s3 = s3.add(load(m, start + 3 * LANES));
            }
            long to = targetOffset + c;
            store(load(t, to).add(s0), t, to);
            store(load(t, to + LANES).add(s1), t, to + LANES);
            store(load(t, to + 2 * LANES).add(s2), t, to + 2 * LANES);
            store(load(t, to + 3 * LANES).add(s3), t, to + 3 * LANES);
        }
        for (; c + LANES <= columns; c += LANES) {
            FloatVector s = FloatVector.zero(SPECIES);
            for (int row = 0; row < rows; row++) {
                s = s.add(load(m, offset + (long) row * ld + c));
            }
            store(load(t, targetOffset + c).add(s), t, targetOffset + c);
        }
        for (; c < columns; c++) {
            float s = 0;
            for (int row = 0; row < rows; row++) {
                s += m.getFloat((int) (4 * (offset + (long) row * ld + c)));
            }
            int index = (int) (4 * (targetOffset + c));
            t.putFloat(index, t.getFloat(index) + s);
        }
    }

    /** The sum of squares of {@code count} floats, accumulated in double across vector partial sums. */
    static double sumOfSquares(FloatBlock block, long from, long count)
    {
        ByteBuffer bytes = block.bytes();
        double total = 0;
        long i = 0;
        // Float partial sums over short runs keep the speed of vectors and the accuracy of a double total.
        while (i + LANES <= count) {
            long runEnd = Math.min(count, i + 64L * LANES);
            FloatVector s = FloatVector.zero(SPECIES);
            for (; i + LANES <= runEnd; i += LANES) {
                FloatVector v = load(bytes, from + i);
                s = v.fma(v, s);
            }
            total += s.reduceLanes(VectorOperators.ADD);
        }
        for (; i < count; i++) {
            float v = bytes.getFloat((int) (4 * (from + i)));
            total += (double) v * v;
        }
        return total;
    }

    /** {@code target[to + i] = source[from + i] * mask[maskFrom + i]}. */
    static void multiply(FloatBlock target, long to, FloatBlock source, long from, FloatBlock mask, long maskFrom, long count)
    {
        ByteBuffer t = target.bytes();
        ByteBuffer s = source.bytes();
        ByteBuffer m = mask.bytes();
        int i = 0;
        for (; i + LANES <= count; i += LANES) {
            store(load(s, from + i).mul(load(m, maskFrom + i)), t, to + i);
        }
        for (; i < count; i++) {
            t.putFloat((int) (4 * (to + i)), s.getFloat((int) (4 * (from + i))) * m.getFloat((int) (4 * (maskFrom + i))));
        }
    }
}
