package org.ernie4j.core.engine.fused;

import java.util.Random;

/** Inputs for the kernels' tests: seeded Gaussian values, and blocks holding them. */
final class KernelInputs
{
    private KernelInputs()
    {
    }

    /** {@code count} values from a normal distribution of standard deviation {@code scale}, the same for a seed. */
    static float[] gaussian(int count, float scale, long seed)
    {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian() * scale;
        }
        return values;
    }

    /** A new block holding a copy of {@code values}. */
    static FloatBlock block(float[] values)
    {
        FloatBlock block = FloatBlock.allocate(values.length);
        block.copyFrom(values, 0, 0, values.length);
        return block;
    }
}
