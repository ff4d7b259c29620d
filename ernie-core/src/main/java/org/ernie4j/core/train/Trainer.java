package org.ernie4j.core.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.optim.GradientClipping;
import org.ernie4j.core.optim.Optimizer;
import org.ernie4j.core.optim.OptimizerSettings;
import org.ernie4j.core.random.Seeds;
import org.ernie4j.core.schedule.TaskSchedule;
import org.ernie4j.core.task.ActiveTask;
import org.ernie4j.spi.example.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * The training loop: each step trains the task the schedule names on that task's next batch, then updates only the
 * parameters that task touched. Choosing the batch, computing the gradients (the engine) and applying the update (the
 * optimizer) stay three separate calls.
 */
public final class Trainer
{
    private static final long DROPOUT_STREAM = 0x44524F50L;

    private final ModelEngine engine;
    private final Optimizer optimizer;
    private final OptimizerSettings optimizerSettings;
    private final TaskSchedule schedule;
    private final List<ActiveTask> tasks;
    private final Map<String, BatchSource> batches;
    private final long seed;
    private final long checkpointEvery;
    private final Checkpointer checkpointer;
    private final List<TrainingListener> listeners;
    private volatile boolean stopRequested;

    /** Writes a checkpoint of the current state after {@code step} completed steps. */
    @FunctionalInterface
    public interface Checkpointer
    {
        Path save(long step);
    }

    public Trainer(ModelEngine engine, Optimizer optimizer, OptimizerSettings optimizerSettings, TaskSchedule schedule,
            List<ActiveTask> tasks, Map<String, BatchSource> batches, long seed, long checkpointEvery, Checkpointer checkpointer,
            List<TrainingListener> listeners)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        this.optimizerSettings = requireNonNull(optimizerSettings, "optimizerSettings is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        this.batches = Map.copyOf(requireNonNull(batches, "batches is null"));
        this.seed = seed;
        this.checkpointEvery = checkpointEvery;
        this.checkpointer = requireNonNull(checkpointer, "checkpointer is null");
        this.listeners = List.copyOf(requireNonNull(listeners, "listeners is null"));
    }

    /**
     * Trains from {@code firstStep} until the schedule ends, {@code untilStep} is reached, or a stop is requested; writes
     * a checkpoint at every multiple of the checkpoint interval and where it stops. Returns the number of completed steps.
     */
    public long run(long firstStep, long untilStep)
    {
        long end = Math.min(untilStep, schedule.length());
        listeners.forEach(listener -> listener.onStart(firstStep, schedule.length()));
        long step = firstStep;
        while (step < end && !stopRequested) {
            StepRecord record = step(step);
            step++;
            listeners.forEach(listener -> listener.onStep(record));
            if (step % checkpointEvery == 0 || step == end || stopRequested) {
                checkpoint(step);
            }
        }
        long finished = step;
        listeners.forEach(listener -> listener.onFinish(finished));
        return step;
    }

    /** Asks the loop to stop after the current step, with a checkpoint. Safe to call from any thread. */
    public void requestStop()
    {
        stopRequested = true;
    }

    private StepRecord step(long step)
    {
        long started = System.nanoTime();
        ActiveTask task = tasks.get(schedule.taskAt(step));
        Batch batch = batches.get(task.name()).next();
        StepResult result = engine.gradients(task.head(), batch, Seeds.mix(seed, DROPOUT_STREAM, step));
        if (!Double.isFinite(result.loss())) {
            throw new TrainingDivergedException(step, task.name(), "the loss is " + result.loss());
        }
        Map<String, INDArray> gradients = result.gradients();
        double norm = optimizer.gradientNorm(gradients);
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException(step, task.name(), "the gradient norm is " + norm);
        }
        double learningRate = optimizerSettings.learningRateAt(step);
        optimizer.apply(gradients, learningRate, GradientClipping.scale(norm, optimizerSettings.clipNorm()));
        double seconds = (System.nanoTime() - started) / 1e9;
        return new StepRecord(step, task.name(), result.loss(), result.evaluation().accuracy(), batch.size(), batch.tokenCount(),
                norm, learningRate, seconds);
    }

    private void checkpoint(long step)
    {
        Path directory = checkpointer.save(step);
        listeners.forEach(listener -> listener.onCheckpoint(step, directory));
    }
}
