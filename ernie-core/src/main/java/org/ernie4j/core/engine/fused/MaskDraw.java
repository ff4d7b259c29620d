package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import org.ernie4j.core.model.DropoutRule;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DropoutRule#fill} with a vector of SplitMix64 draws at a time: draw {@code k} is a function of {@code k} alone,
 * so consecutive draws are independent lanes. Writes exactly the rule's floats.
 */
final class MaskDraw
{
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class, VectorShape.forBitSize(LONGS.vectorBitSize() / 2));
    private static final int LANES = LONGS.length();
    private static final long[] LANE_STEPS = laneSteps();

    private MaskDraw()
    {
    }

    static void fill(long seed, int index, double p, FloatBlock target, int length)
    {
        ByteBuffer bytes = target.bytes();
        long start = DropoutRule.start(seed, index);
        long threshold = DropoutRule.dropThreshold(p);
        float keep = DropoutRule.keepScale(p);
        // Lane j of the first vector is draw j + 1; each vector advances by LANES draws.
        LongVector state = LongVector.fromArray(LONGS, LANE_STEPS, 0).mul(DropoutRule.GAMMA).add(start);
        long stride = LANES * DropoutRule.GAMMA;
        int i = 0;
        for (; i + LANES <= length; i += LANES) {
            LongVector z = state;
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            // 1 where kept (draw >= threshold: the sign of threshold - 1 - draw), as a float; masks and blends are slow on
            // this vector API, arithmetic is not.
            LongVector keptBit = z.lanewise(VectorOperators.LSHR, 11).neg().add(threshold - 1).lanewise(VectorOperators.LSHR, 63);
            ((FloatVector) keptBit.convertShape(VectorOperators.L2F, FLOATS, 0)).mul(keep).intoByteBuffer(bytes, 4 * i, FloatBlock.ORDER);
            state = state.add(stride);
        }
        long last = start + (long) i * DropoutRule.GAMMA;
        for (; i < length; i++) {
            last += DropoutRule.GAMMA;
            bytes.putFloat(4 * i, (DropoutRule.mix64(last) >>> 11) < threshold ? 0f : keep);
        }
    }

    private static long[] laneSteps()
    {
        long[] steps = new long[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            steps[lane] = lane + 1;
        }
        return steps;
    }
}
