package org.ernie4j.runner.spark;

import java.io.Serializable;

import org.ernie4j.core.model.optim.OptimizerSettings;

import static java.util.Objects.requireNonNull;

/**
 * The optimizer's settings as they travel to a worker that takes local steps ({@link OptimizerSettings} is a plain
 * record of the core, and stays free of Java serialization).
 */
final class OptimizerShape
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final double learningRate;
    private final long warmupSteps;
    private final long totalSteps;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final double clipNorm;

    OptimizerShape(OptimizerSettings settings)
    {
        requireNonNull(settings, "settings is null");
        this.learningRate = settings.learningRate();
        this.warmupSteps = settings.warmupSteps();
        this.totalSteps = settings.totalSteps();
        this.beta1 = settings.beta1();
        this.beta2 = settings.beta2();
        this.epsilon = settings.epsilon();
        this.weightDecay = settings.weightDecay();
        this.clipNorm = settings.clipNorm();
    }

    OptimizerSettings toSettings()
    {
        return new OptimizerSettings(learningRate, warmupSteps, totalSteps, beta1, beta2, epsilon, weightDecay, clipNorm);
    }
}
