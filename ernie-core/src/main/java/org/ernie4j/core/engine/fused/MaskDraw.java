package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.ernie4j.core.model.DropoutRule;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DropoutRule#fill} with vectors of SplitMix64 draws: draw {@code k} is a function of {@code k} alone, so
 * consecutive draws are independent lanes. Writes exactly the rule's floats.
 *
 * <p>Every operation keeps the vector's shape: two vectors of draws (the even and the odd elements) are merged into one
 * vector whose 64-bit lanes each hold two floats' bits, and stored as they are. A first version converted each vector of
 * longs into half as many floats ({@code convertShape}), which this JDK does not compile into vector instructions: it
 * boxed every vector, 48 bytes of garbage per float (3.6 GB a step at hidden 512 x sequence 512) and 70 ms per mask.
 */
final class MaskDraw
{
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final int LANES = LONGS.length();
    /** Lane {@code j} of the even elements' first vector is draw {@code 2j + 1} (element {@code 2j}'s). */
    private static final long[] EVEN_DRAWS = evenDraws();
    private static final long LOW_HALF = 0xFFFFFFFFL;

    private MaskDraw()
    {
    }

    static void fill(long seed, int index, double p, FloatBlock target, int length)
    {
        ByteBuffer bytes = target.bytes();
        long start = DropoutRule.start(seed, index);
        long threshold = DropoutRule.dropThreshold(p);
        float keep = DropoutRule.keepScale(p);
        long keepBits = Float.floatToRawIntBits(keep) & LOW_HALF;
        // Where each lane's two floats go: the element with the lower index first in memory.
        int evenShift = FloatBlock.ORDER == ByteOrder.LITTLE_ENDIAN ? 0 : 32;
        LongVector even = LongVector.fromArray(LONGS, EVEN_DRAWS, 0).mul(DropoutRule.GAMMA).add(start);
        long stride = 2L * LANES * DropoutRule.GAMMA;
        int i = 0;
        for (; i + 2 * LANES <= length; i += 2 * LANES) {
            LongVector evenFloats = keptFloatBits(even, threshold, keepBits);
            LongVector oddFloats = keptFloatBits(even.add(DropoutRule.GAMMA), threshold, keepBits);
            evenFloats.lanewise(VectorOperators.LSHL, evenShift)
                    .or(oddFloats.lanewise(VectorOperators.LSHL, 32 - evenShift))
                    .intoByteBuffer(bytes, 4 * i, FloatBlock.ORDER);
            even = even.add(stride);
        }
        long last = start + (long) i * DropoutRule.GAMMA;
        for (; i < length; i++) {
            last += DropoutRule.GAMMA;
            bytes.putFloat(4 * i, (DropoutRule.mix64(last) >>> 11) < threshold ? 0f : keep);
        }
    }

    /** SplitMix64 of each lane's state; the bits of the float {@code keep} in the low half where kept, else 0 (the float 0). */
    private static LongVector keptFloatBits(LongVector state, long threshold, long keepBits)
    {
        LongVector z = state;
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        // Kept where draw >= threshold: the sign of (draw - threshold), spread to every bit (masks and blends are slow on
        // this vector API, arithmetic is not); the draw has 53 bits, so the difference cannot overflow.
        LongVector kept = z.lanewise(VectorOperators.LSHR, 11).sub(threshold).lanewise(VectorOperators.ASHR, 63).not();
        return kept.and(keepBits);
    }

    private static long[] evenDraws()
    {
        long[] draws = new long[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            draws[lane] = 2L * lane + 1;
        }
        return draws;
    }
}
