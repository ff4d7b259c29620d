package org.ernie4j.core.model;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import org.ernie4j.core.random.Seeds;

/**
 * How the model's dropout masks are drawn: part of the model's definition, shared by every engine so that each applies
 * exactly the same dropout. Mask {@code index} of a step is a pure function of (step seed, index): its entries, in
 * row-major order, are 0 with probability {@code p} and {@code 1 / (1 - p)} otherwise (inverted dropout).
 */
public final class DropoutRule
{
    private DropoutRule()
    {
    }

    /** The value of a kept entry. */
    public static float keepScale(double p)
    {
        return (float) (1.0 / (1.0 - p));
    }

    /** Writes the first {@code length} entries of mask {@code index} into {@code target} at positions 0 .. length - 1. */
    public static void fill(long seed, int index, double p, FloatBuffer target, int length)
    {
        SplittableRandom random = Seeds.random(seed, index);
        float keep = keepScale(p);
        for (int i = 0; i < length; i++) {
            target.put(i, random.nextDouble() < p ? 0f : keep);
        }
    }
}
