package org.ernie4j.core.baseline;

import java.util.List;

/**
 * Shifts and scales each position of dense vectors to mean 0 and standard deviation 1 on the training vectors: an
 * encoder's dimensions differ in scale by orders of magnitude, and AdaGrad moves every weight at about the same pace, so
 * unscaled a dimension of small values would hardly count.
 */
final class Standardization
{
    private final double[] means;
    private final double[] scales;

    private Standardization(double[] means, double[] scales)
    {
        this.means = means;
        this.scales = scales;
    }

    static Standardization fit(List<float[]> training)
    {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training vectors to standardise on");
        }
        int n = training.get(0).length;
        double[] means = new double[n];
        double[] squares = new double[n];
        for (float[] vector : training) {
            for (int i = 0; i < n; i++) {
                means[i] += vector[i];
                squares[i] += (double) vector[i] * vector[i];
            }
        }
        double[] scales = new double[n];
        for (int i = 0; i < n; i++) {
            means[i] /= training.size();
            double variance = Math.max(0, squares[i] / training.size() - means[i] * means[i]);
            // A constant position stays 0 rather than dividing by nothing.
            scales[i] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 0;
        }
        return new Standardization(means, scales);
    }

    float[] apply(float[] vector)
    {
        float[] standardized = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            standardized[i] = (float) ((vector[i] - means[i]) * scales[i]);
        }
        return standardized;
    }
}
