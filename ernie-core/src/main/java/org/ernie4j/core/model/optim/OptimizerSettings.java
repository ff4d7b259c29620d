package org.ernie4j.core.model.optim;

import org.ernie4j.core.PublicApi;

/**
 * Adam's hyper-parameters, the learning-rate schedule and gradient clipping.
 *
 * @param learningRate the peak learning rate, reached at the end of warm-up
 * @param warmupSteps steps of linear warm-up from 0
 * @param totalSteps the step at which the linear decay reaches 0
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's denominator term
 * @param weightDecay decoupled weight decay on weights (not on biases or layer norms)
 * @param clipNorm the largest global gradient norm; larger gradients are scaled down to it; 0 disables clipping
 */
@PublicApi
public record OptimizerSettings(
        double learningRate,
        long warmupSteps,
        long totalSteps,
        double beta1,
        double beta2,
        double epsilon,
        double weightDecay,
        double clipNorm)
{
    public OptimizerSettings
    {
        if (!(learningRate > 0) || warmupSteps < 0 || totalSteps < 1 || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                || !(epsilon > 0) || !(weightDecay >= 0) || !(clipNorm >= 0)) {
            throw new IllegalArgumentException("invalid optimizer settings: " + this);
        }
    }

    /** These settings with the decay planned over {@code steps} (a schedule that grew while training ran). */
    public OptimizerSettings withTotalSteps(long steps)
    {
        return new OptimizerSettings(learningRate, warmupSteps, Math.max(1, steps), beta1, beta2, epsilon, weightDecay, clipNorm);
    }

    /** Linear warm-up to the peak, then linear decay to zero at {@code totalSteps}. */
    public double learningRateAt(long step)
    {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps);
        return learningRate * Math.max(0.0, (double) (totalSteps - step) / decaySteps);
    }
}
