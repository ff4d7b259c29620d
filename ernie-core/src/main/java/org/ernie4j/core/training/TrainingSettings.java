package org.ernie4j.core.training;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.model.optim.OptimizerSettings;

import static java.util.Objects.requireNonNull;

/**
 * How a pre-training run trains.
 *
 * @param seed the run seed; every random choice of the run derives from it
 * @param batchSize examples per step
 * @param sequenceLength the longest input a task may make, in word pieces
 * @param stepsPerTask N, every task's budget of iterations in the continual schedule
 * @param openDocuments documents each task's stream reads in turn (a batch mixes up to this many)
 * @param checkpointEvery steps between checkpoints (a checkpoint is also written at the end)
 * @param keepCheckpoints how many of the newest checkpoints to keep
 * @param optimizer Adam, learning-rate schedule and clipping
 * @param engine which engine executes the model
 * @param batchesAhead batches each task keeps built in advance on a background thread (0: built when needed)
 */
@PublicApi
public record TrainingSettings(
        long seed,
        int batchSize,
        int sequenceLength,
        long stepsPerTask,
        int openDocuments,
        long checkpointEvery,
        int keepCheckpoints,
        OptimizerSettings optimizer,
        EngineKind engine,
        int batchesAhead)
{
    /** Two batches per task hide label generation behind a step; more only hold memory. */
    public static final int DEFAULT_BATCHES_AHEAD = 2;

    public TrainingSettings
    {
        requireNonNull(optimizer, "optimizer is null");
        requireNonNull(engine, "engine is null");
        if (batchSize < 1 || sequenceLength < 2 || stepsPerTask < 1 || openDocuments < 1 || checkpointEvery < 1 || keepCheckpoints < 1 || batchesAhead < 0) {
            throw new IllegalArgumentException("invalid training settings: " + this);
        }
    }

    /** Settings with the default batches built ahead. */
    public TrainingSettings(long seed, int batchSize, int sequenceLength, long stepsPerTask, int openDocuments, long checkpointEvery,
            int keepCheckpoints, OptimizerSettings optimizer, EngineKind engine)
    {
        this(seed, batchSize, sequenceLength, stepsPerTask, openDocuments, checkpointEvery, keepCheckpoints, optimizer, engine,
                DEFAULT_BATCHES_AHEAD);
    }

    /** Settings that let {@link EngineKind#AUTO} choose the engine. */
    public TrainingSettings(long seed, int batchSize, int sequenceLength, long stepsPerTask, int openDocuments, long checkpointEvery,
            int keepCheckpoints, OptimizerSettings optimizer)
    {
        this(seed, batchSize, sequenceLength, stepsPerTask, openDocuments, checkpointEvery, keepCheckpoints, optimizer, EngineKind.AUTO);
    }

    /** The same settings with another engine. */
    public TrainingSettings withEngine(EngineKind kind)
    {
        return new TrainingSettings(seed, batchSize, sequenceLength, stepsPerTask, openDocuments, checkpointEvery, keepCheckpoints, optimizer,
                kind, batchesAhead);
    }

    /** The same settings with another number of batches built ahead. */
    public TrainingSettings withBatchesAhead(int count)
    {
        return new TrainingSettings(seed, batchSize, sequenceLength, stepsPerTask, openDocuments, checkpointEvery, keepCheckpoints, optimizer,
                engine, count);
    }
}
