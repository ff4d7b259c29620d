package org.ernie4j.core.config;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.training.TrainingSettings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code training:} batches, the continual schedule's budget, the optimizer and checkpoints, and the weights a new run
 * starts from.
 *
 * <p>{@code initialize-from} is here rather than under {@code model:} because it does not change the model's shape, only
 * where a fresh run's first values come from; a resumed run takes its checkpoint's values and ignores it.
 */
@PublicApi
public record TrainingSection(long seed, int batchSize, int sequenceLength, long stepsPerTask, int openDocuments, double learningRate,
        double warmupFraction, double weightDecay, double clipNorm, double beta1, double beta2, double epsilon, long checkpointEvery,
        int keepCheckpoints, String engine, int batchesAhead, String initializeFrom)
{
    @JsonCreator
    public TrainingSection(
            @JsonProperty("seed") Long seed,
            @JsonProperty("batch-size") Integer batchSize,
            @JsonProperty("sequence-length") Integer sequenceLength,
            @JsonProperty("steps-per-task") Long stepsPerTask,
            @JsonProperty("open-documents") Integer openDocuments,
            @JsonProperty("learning-rate") Double learningRate,
            @JsonProperty("warmup-fraction") Double warmupFraction,
            @JsonProperty("weight-decay") Double weightDecay,
            @JsonProperty("clip-norm") Double clipNorm,
            @JsonProperty("beta1") Double beta1,
            @JsonProperty("beta2") Double beta2,
            @JsonProperty("epsilon") Double epsilon,
            @JsonProperty("checkpoint-every") Long checkpointEvery,
            @JsonProperty("keep-checkpoints") Integer keepCheckpoints,
            @JsonProperty("engine") String engine,
            @JsonProperty("batches-ahead") Integer batchesAhead,
            @JsonProperty("initialize-from") String initializeFrom)
    {
        this(Defaults.or(seed, 42L), Defaults.or(batchSize, 32), Defaults.or(sequenceLength, 128), Defaults.or(stepsPerTask, 1000L),
                Defaults.or(openDocuments, 32), Defaults.or(learningRate, 1e-4), Defaults.or(warmupFraction, 0.1),
                Defaults.or(weightDecay, 0.01), Defaults.or(clipNorm, 1.0), Defaults.or(beta1, 0.9), Defaults.or(beta2, 0.999),
                Defaults.or(epsilon, 1e-6), Defaults.or(checkpointEvery, 500L), Defaults.or(keepCheckpoints, 3),
                Defaults.or(engine, EngineKind.AUTO.configName()), Defaults.or(batchesAhead, TrainingSettings.DEFAULT_BATCHES_AHEAD),
                initializeFrom);
    }

    public static TrainingSection defaults()
    {
        return new TrainingSection((Long) null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** This section with another budget per task. */
    public TrainingSection withStepsPerTask(long replacement)
    {
        return new TrainingSection(seed, batchSize, sequenceLength, replacement, openDocuments, learningRate, warmupFraction, weightDecay, clipNorm,
                beta1, beta2, epsilon, checkpointEvery, keepCheckpoints, engine, batchesAhead, initializeFrom);
    }

    /** The training settings of a run of {@code taskCount} tasks (the schedule has {@code taskCount * stepsPerTask} steps). */
    public TrainingSettings settings(int taskCount)
    {
        long totalSteps = stepsPerTask * taskCount;
        long warmup = Math.round(warmupFraction * totalSteps);
        OptimizerSettings optimizer = new OptimizerSettings(learningRate, warmup, totalSteps, beta1, beta2, epsilon, weightDecay, clipNorm);
        return new TrainingSettings(seed, batchSize, sequenceLength, stepsPerTask, openDocuments, checkpointEvery, keepCheckpoints, optimizer,
                engineKind(), batchesAhead);
    }

    /** The engine named by {@code engine}. */
    public EngineKind engineKind()
    {
        try {
            return EngineKind.fromConfigName(engine);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("training.engine", e.getMessage());
        }
    }
}
