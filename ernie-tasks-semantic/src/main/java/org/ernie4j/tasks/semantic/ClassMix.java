package org.ernie4j.tasks.semantic;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * How discourse relation evens out its classes, from the class counts of a corpus sample: the probability with which an
 * example of each class is kept ({@code max-class-share}), and loss weights for the classes as they are then expected
 * ({@code class-weights: balanced}). Immutable.
 */
final class ClassMix
{
    private final double[] keep;
    private final double[] expected;

    private ClassMix(double[] keep, double[] expected)
    {
        this.keep = keep;
        this.expected = expected;
    }

    /** Every example kept. */
    static ClassMix keepAll(int classes)
    {
        double[] keep = new double[classes];
        Arrays.fill(keep, 1.0);
        return new ClassMix(keep, new double[classes]);
    }

    /**
     * Keeps examples of each class with a probability such that, in expectation, no class is more than
     * {@code maxShare} of the examples kept. Classes above the share are thinned to a common count {@code c}, the largest
     * for which {@code c / (sum over classes of min(count, c)) <= maxShare}; classes below {@code c} keep every example.
     * A share below one over the number of classes found cannot be met and makes the classes found equally frequent.
     */
    static ClassMix capped(RelationCounts counts, double maxShare)
    {
        requireNonNull(counts, "counts is null");
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("maxShare must be in (0, 1]: " + maxShare);
        }
        int classes = counts.classes().size();
        double[] found = new double[classes];
        for (int i = 0; i < classes; i++) {
            found[i] = counts.count(i);
        }
        double cap = cap(found, maxShare);
        double[] keep = new double[classes];
        double[] expected = new double[classes];
        for (int i = 0; i < classes; i++) {
            // A class not found in the sample keeps everything: there is nothing to thin, and it is rare anyway.
            keep[i] = found[i] > cap ? cap / found[i] : 1.0;
            expected[i] = found[i] * keep[i];
        }
        return new ClassMix(keep, expected);
    }

    /**
     * The largest common count {@code c} of the classes above it such that {@code c} is at most {@code share} of all
     * examples. With the counts sorted in decreasing order and the {@code m} largest capped, {@code c = share * rest /
     * (1 - m * share)}, where {@code rest} sums the other counts; the right {@code m} is the first for which {@code c} is
     * not below the next count. {@code c / total} only grows with {@code c}, so that {@code c} is the largest.
     */
    private static double cap(double[] found, double share)
    {
        double[] sorted = Arrays.stream(found).filter(count -> count > 0).sorted().toArray();
        int present = sorted.length;
        double total = Arrays.stream(sorted).sum();
        if (present == 0 || sorted[present - 1] <= share * total) {
            return Double.POSITIVE_INFINITY;
        }
        double rest = total;
        for (int capped = 1; capped < present && capped * share < 1; capped++) {
            rest -= sorted[present - capped];
            double cap = share * rest / (1 - capped * share);
            if (cap >= sorted[present - capped - 1]) {
                return cap;
            }
        }
        // The share cannot be met while any class is rarer than the others: every class found is thinned to the rarest.
        return sorted[0];
    }

    /** The probability that an example of a class is kept. */
    double keep(int relation)
    {
        return keep[relation];
    }

    /** True when some class is thinned. */
    boolean thins()
    {
        return Arrays.stream(keep).anyMatch(probability -> probability < 1);
    }

    /**
     * Loss weights that make every class weigh the same in expectation: {@code w = kept / (classes found * expected)},
     * from the counts expected after thinning, so that the weights average to 1 over the examples. A class not found in
     * the sample gets the largest weight of those found (it is rarer than any of them); when no class was found, every
     * weight is 1.
     */
    float[] balancedWeights()
    {
        double kept = Arrays.stream(expected).sum();
        long present = Arrays.stream(expected).filter(count -> count > 0).count();
        float[] weights = new float[expected.length];
        if (present == 0) {
            Arrays.fill(weights, 1f);
            return weights;
        }
        float largest = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] > 0) {
                weights[i] = (float) (kept / (present * expected[i]));
                largest = Math.max(largest, weights[i]);
            }
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == 0) {
                weights[i] = largest;
            }
        }
        return weights;
    }

    @Override
    public String toString()
    {
        return "keep " + Arrays.toString(keep);
    }
}
