package org.ernie4j.core.training.evaluate;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ernie4j.core.PublicApi;

/**
 * A 95% interval around a held-out accuracy.
 *
 * <p>Two ways to draw it, and {@link #of} takes the wider: Wilson's score interval treats every item as independent,
 * which they are not when many come from one document (a speech's sentences share its words and topic); the bootstrap
 * over documents resamples whole documents and so carries that dependence, but says little when there are only a few
 * documents. Taking the union keeps the interval honest in both cases.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
@PublicApi
public record AccuracyInterval(double low, double high)
{
    /** Unknown: no items, or a record written before intervals were kept. */
    public static final AccuracyInterval UNKNOWN = new AccuracyInterval(Double.NaN, Double.NaN);

    private static final double Z = 1.959963984540054;
    private static final int RESAMPLES = 2000;

    /**
     * The wider of Wilson's interval over all items and the bootstrap interval over documents.
     *
     * @param correct right items per document
     * @param labelled labelled items per document
     * @param seed draws the bootstrap's resamples
     */
    public static AccuracyInterval of(long[] correct, long[] labelled, long seed)
    {
        long right = Arrays.stream(correct).sum();
        long items = Arrays.stream(labelled).sum();
        AccuracyInterval wilson = wilson(right, items);
        return correct.length < 2 ? wilson : wilson.union(documentBootstrap(correct, labelled, seed, RESAMPLES));
    }

    /** Wilson's score interval for {@code correct} of {@code items}. */
    public static AccuracyInterval wilson(long correct, long items)
    {
        if (items <= 0) {
            return UNKNOWN;
        }
        double n = items;
        double p = correct / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new AccuracyInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The percentile bootstrap over documents: documents drawn with replacement, the accuracy of all their items
     * pooled, the 2.5th and 97.5th percentiles of {@code resamples} such draws.
     */
    public static AccuracyInterval documentBootstrap(long[] correct, long[] labelled, long seed, int resamples)
    {
        if (correct.length != labelled.length || resamples < 1) {
            throw new IllegalArgumentException("need as many labelled counts as correct counts and at least one resample");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] accuracies = new double[resamples];
        int used = 0;
        for (int resample = 0; resample < resamples; resample++) {
            long right = 0;
            long items = 0;
            for (int draw = 0; draw < correct.length; draw++) {
                int document = random.nextInt(correct.length);
                right += correct[document];
                items += labelled[document];
            }
            if (items > 0) {
                accuracies[used++] = (double) right / items;
            }
        }
        if (used == 0) {
            return UNKNOWN;
        }
        double[] sorted = Arrays.copyOf(accuracies, used);
        Arrays.sort(sorted);
        return new AccuracyInterval(percentile(sorted, 0.025), percentile(sorted, 0.975));
    }

    /** The smallest interval holding both. */
    public AccuracyInterval union(AccuracyInterval other)
    {
        if (!isKnown()) {
            return other;
        }
        if (!other.isKnown()) {
            return this;
        }
        return new AccuracyInterval(Math.min(low, other.low), Math.max(high, other.high));
    }

    public boolean isKnown()
    {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** Half the interval's width. */
    public double halfWidth()
    {
        return (high - low) / 2;
    }

    private static double percentile(double[] sorted, double share)
    {
        double position = share * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
