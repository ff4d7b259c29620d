package org.ernie4j.core.model;

import java.nio.FloatBuffer;

import org.ernie4j.core.support.Seeds;

/**
 * How the model's dropout masks are drawn: part of the model's definition, shared by every engine so that each applies
 * exactly the same dropout. Mask {@code index} of a step is a pure function of (step seed, index): its entries, in
 * row-major order, are 0 with probability {@code p} and {@code 1 / (1 - p)} otherwise (inverted dropout).
 *
 * <p>The draws are SplitMix64 (Steele, Lea and Flood, 2014) started at {@code Seeds.mix(seed, index)}: draw {@code k}
 * (from 1) is {@code mix64(start + k * GAMMA)}, and an entry is dropped when the draw's top 53 bits, read as a fraction,
 * are below {@code p}. This is the stream {@link java.util.SplittableRandom} produces for that start, written out here so
 * that the masks do not depend on a JDK implementation detail and so that an engine can compute any draw directly.
 */
public final class DropoutRule
{
    /** SplitMix64's increment, the odd integer closest to 2^64 divided by the golden ratio. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private DropoutRule()
    {
    }

    /** The value of a kept entry. */
    public static float keepScale(double p)
    {
        return (float) (1.0 / (1.0 - p));
    }

    /** The state SplitMix64 starts from for mask {@code index} of the step seeded {@code seed}. */
    public static long start(long seed, int index)
    {
        return Seeds.mix(seed, index);
    }

    /** Draws whose top 53 bits are below this are dropped: {@code (draw >>> 11) * 2^-53 < p}, in integers. */
    public static long dropThreshold(double p)
    {
        return (long) Math.ceil(p * 0x1.0p53);
    }

    /** SplitMix64's output function. */
    public static long mix64(long z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Writes the first {@code length} entries of mask {@code index} into {@code target} at positions 0 .. length - 1. */
    public static void fill(long seed, int index, double p, FloatBuffer target, int length)
    {
        long state = start(seed, index);
        long threshold = dropThreshold(p);
        float keep = keepScale(p);
        for (int i = 0; i < length; i++) {
            state += GAMMA;
            target.put(i, (mix64(state) >>> 11) < threshold ? 0f : keep);
        }
    }
}
