package org.ernie4j.core.model;

import java.util.SplittableRandom;

import org.ernie4j.core.support.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fills new parameters. Each parameter's values depend only on the run seed and the parameter's name, so adding a task
 * head later, or in another order, never changes the initial values of any other parameter.
 */
public final class ParameterInitializer
{
    private final long seed;
    private final double range;

    public ParameterInitializer(long seed, double range)
    {
        if (!(range > 0)) {
            throw new IllegalArgumentException("range must be positive: " + range);
        }
        this.seed = seed;
        this.range = range;
    }

    public INDArray create(ParameterSpec spec, DataType dataType)
    {
        int length = Math.toIntExact(spec.length());
        double[] values = new double[length];
        switch (spec.initialization()) {
            case ZEROS -> { }
            case ONES -> java.util.Arrays.fill(values, 1.0);
            case NORMAL -> {
                SplittableRandom random = new SplittableRandom(Seeds.mix(seed, spec.name()));
                for (int i = 0; i < length; i++) {
                    values[i] = truncatedNormal(random) * range;
                }
            }
        }
        return Nd4j.create(values, spec.shape(), 'c').castTo(dataType);
    }

    /** A standard normal draw, redrawn outside two standard deviations (BERT's truncated normal). */
    private static double truncatedNormal(SplittableRandom random)
    {
        while (true) {
            double value = random.nextGaussian();
            if (Math.abs(value) <= 2) {
                return value;
            }
        }
    }
}
