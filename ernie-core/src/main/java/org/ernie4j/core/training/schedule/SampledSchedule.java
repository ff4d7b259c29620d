package org.ernie4j.core.training.schedule;

import java.util.Arrays;
import java.util.List;

import org.ernie4j.core.support.Seeds;

/**
 * Every task from the first step, each step's task drawn independently with fixed probabilities: uniform, proportional
 * to the tasks' data sizes, tempered ({@code p_i ~ n_i^(1/T)}) or given weights. The draw of a step depends only on the
 * seed and the step, so the schedule is a pure function and costs no memory per step. It has one stage, whose iteration
 * counts are the realised draws.
 */
public final class SampledSchedule
        implements TaskSchedule
{
    private static final long SAMPLE_STREAM = 0x53414D504CL;

    private final double[] cumulative;
    private final long length;
    private final long seed;
    private final Stage stage;

    private SampledSchedule(double[] probabilities, long length, long seed)
    {
        this.cumulative = new double[probabilities.length];
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            sum += probabilities[i];
            cumulative[i] = sum;
        }
        this.length = length;
        this.seed = seed;
        long[] counts = new long[probabilities.length];
        for (long step = 0; step < length; step++) {
            counts[taskAt(step)]++;
        }
        this.stage = new Stage(0, 0, Arrays.stream(counts).boxed().toList());
    }

    /**
     * @param weights non-negative, not all zero; normalised to probabilities
     * @param length the number of steps
     */
    public static SampledSchedule of(double[] weights, long length, long seed)
    {
        double total = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("task weights must be finite and non-negative: " + Arrays.toString(weights));
            }
            total += weight;
        }
        if (weights.length == 0 || total <= 0) {
            throw new IllegalArgumentException("task weights must not all be zero: " + Arrays.toString(weights));
        }
        double[] probabilities = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            probabilities[i] = weights[i] / total;
        }
        return new SampledSchedule(probabilities, length, seed);
    }

    /** Weights {@code n_i^(1 / temperature)}: 1 is proportional to data size, larger values flatten toward uniform. */
    public static double[] tempered(long[] dataSizes, double temperature)
    {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        double[] weights = new double[dataSizes.length];
        for (int i = 0; i < dataSizes.length; i++) {
            weights[i] = Math.pow(dataSizes[i], 1.0 / temperature);
        }
        return weights;
    }

    /** The probability of each task. */
    public double[] probabilities()
    {
        double[] probabilities = new double[cumulative.length];
        double previous = 0;
        for (int i = 0; i < cumulative.length; i++) {
            probabilities[i] = (cumulative[i] - previous) / cumulative[cumulative.length - 1];
            previous = cumulative[i];
        }
        return probabilities;
    }

    @Override
    public long length()
    {
        return length;
    }

    @Override
    public int taskAt(long step)
    {
        if (step < 0 || step >= length) {
            throw new IndexOutOfBoundsException("step " + step + " is outside the schedule of " + length + " steps");
        }
        double draw = Seeds.random(seed, SAMPLE_STREAM, step).nextDouble() * cumulative[cumulative.length - 1];
        for (int task = 0; task < cumulative.length; task++) {
            if (draw < cumulative[task]) {
                return task;
            }
        }
        return cumulative.length - 1;
    }

    @Override
    public List<Stage> stages()
    {
        return List.of(stage);
    }
}
