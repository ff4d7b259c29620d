package org.ernie4j.core.baseline;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression over hashed sparse features, trained by AdaGrad one item at a time. AdaGrad gives
 * each weight its own step size, so rare features (most words) learn as fast as common ones without a tuned schedule;
 * the baseline stops on the dev metric instead of being regularised.
 */
final class SoftmaxRegression
{
    private static final double EPSILON = 1e-8;

    private final int classes;
    private final double learningRate;
    /** {@code weights[feature * classes + label]}: a feature's weights lie together, as every update touches them all. */
    private final float[] weights;
    private final float[] squaredGradients;

    SoftmaxRegression(int classes, int bits, double learningRate)
    {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, not " + classes);
        }
        this.classes = classes;
        this.learningRate = learningRate;
        this.weights = new float[classes << bits];
        this.squaredGradients = new float[classes << bits];
    }

    /** One pass over the items in an order drawn from {@code random}; returns the mean cross-entropy. */
    double epoch(List<FeatureVector> items, int[] labels, SplittableRandom random)
    {
        int[] order = new int[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        double loss = 0;
        double[] gradient = new double[classes];
        for (int item : order) {
            FeatureVector features = items.get(item);
            double[] probabilities = probabilities(features);
            loss -= Math.log(Math.max(probabilities[labels[item]], 1e-300));
            for (int label = 0; label < classes; label++) {
                gradient[label] = probabilities[label] - (label == labels[item] ? 1 : 0);
            }
            for (int position = 0; position < features.size(); position++) {
                int base = features.index(position) * classes;
                float value = features.value(position);
                for (int label = 0; label < classes; label++) {
                    float step = (float) (gradient[label] * value);
                    squaredGradients[base + label] += step * step;
                    weights[base + label] -= (float) (learningRate * step / (Math.sqrt(squaredGradients[base + label]) + EPSILON));
                }
            }
        }
        return items.isEmpty() ? 0 : loss / items.size();
    }

    int predict(FeatureVector features)
    {
        double[] scores = scores(features);
        int best = 0;
        for (int label = 1; label < classes; label++) {
            if (scores[label] > scores[best]) {
                best = label;
            }
        }
        return best;
    }

    private double[] scores(FeatureVector features)
    {
        double[] scores = new double[classes];
        for (int position = 0; position < features.size(); position++) {
            int base = features.index(position) * classes;
            float value = features.value(position);
            for (int label = 0; label < classes; label++) {
                scores[label] += weights[base + label] * value;
            }
        }
        return scores;
    }

    private double[] probabilities(FeatureVector features)
    {
        double[] scores = scores(features);
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int label = 0; label < classes; label++) {
            scores[label] = Math.exp(scores[label] - max);
            sum += scores[label];
        }
        for (int label = 0; label < classes; label++) {
            scores[label] /= sum;
        }
        return scores;
    }
}
