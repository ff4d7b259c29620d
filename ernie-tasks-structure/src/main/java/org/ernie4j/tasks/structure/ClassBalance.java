package org.ernie4j.tasks.structure;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * How often each class of sentence distance is drawn: weights normalized to probabilities.
 */
final class ClassBalance
{
    private final double[] probabilities;
    private final double[] cumulative;

    /**
     * @param weights one per {@link DistanceLabel}, in class order; non-negative and finite, with a positive sum
     */
    ClassBalance(double[] weights)
    {
        if (weights.length != DistanceLabel.values().length) {
            throw new IllegalArgumentException(weights.length + " weights for " + DistanceLabel.values().length + " classes");
        }
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + Arrays.toString(weights));
            }
            sum += weight;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must not all be zero: " + Arrays.toString(weights));
        }
        this.probabilities = new double[weights.length];
        this.cumulative = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            probabilities[i] = weights[i] / sum;
            running += probabilities[i];
            cumulative[i] = running;
        }
    }

    DistanceLabel draw(RandomGenerator random)
    {
        double draw = random.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            // Strictly below, so that a class of weight zero (an empty interval) is never drawn.
            if (draw < cumulative[i]) {
                return DistanceLabel.of(i);
            }
        }
        return lastWithWeight();
    }

    double probability(DistanceLabel label)
    {
        return probabilities[label.label()];
    }

    // Rounding can leave the last cumulative sum a hair below 1; the draw then falls to the last class that can occur.
    private DistanceLabel lastWithWeight()
    {
        for (int i = probabilities.length - 1; i > 0; i--) {
            if (probabilities[i] > 0) {
                return DistanceLabel.of(i);
            }
        }
        return DistanceLabel.of(0);
    }

    @Override
    public String toString()
    {
        return Arrays.toString(probabilities);
    }
}
