package org.ernie4j.core.model.optim;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

import org.ernie4j.core.PublicApi;

/**
 * Clipping by the global L2 norm over all gradients of a step.
 */
@PublicApi
public final class GradientClipping
{
    private GradientClipping()
    {
    }

    /** The global L2 norm of the gradients. */
    public static double globalNorm(Map<String, INDArray> gradients)
    {
        double sumOfSquares = 0;
        for (INDArray gradient : gradients.values()) {
            double norm = gradient.norm2Number().doubleValue();
            sumOfSquares += norm * norm;
        }
        return Math.sqrt(sumOfSquares);
    }

    /** The factor that brings a global norm of {@code norm} down to at most {@code maxNorm} (0: no clipping). */
    public static double scale(double norm, double maxNorm)
    {
        return maxNorm > 0 && norm > maxNorm ? maxNorm / norm : 1;
    }

    /** Scales the gradients in place so that their global norm is at most {@code maxNorm}; returns the norm before. */
    public static double clip(Map<String, INDArray> gradients, double maxNorm)
    {
        double norm = globalNorm(gradients);
        if (maxNorm > 0 && norm > maxNorm) {
            double scale = maxNorm / norm;
            for (INDArray gradient : gradients.values()) {
                gradient.muli(scale);
            }
        }
        return norm;
    }
}
