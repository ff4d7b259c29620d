package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.optim.GradientClipping;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.support.Seeds;
import org.ernie4j.core.training.data.StreamPosition;
import org.ernie4j.core.training.evaluate.Evaluator;
import org.ernie4j.core.training.evaluate.TaskEvaluation;
import org.ernie4j.core.training.task.ActiveTask;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * The training loop: each step trains the task the schedule names on that task's next batch (plus, if configured, a
 * masked-LM batch whose loss is added), then updates only the parameters those tasks touched. Choosing the batch,
 * computing the gradients (a {@link StepComputer}: the engine here, or a cluster) and applying the update (the optimizer)
 * stay separate calls. Where the step computer trains {@linkplain LocalRounds rounds} of local steps instead, the loop
 * hands it a round's batches at a time and writes metrics, evaluations and checkpoints at the round's end.
 */
public final class Trainer
{
    private static final long DROPOUT_STREAM = 0x44524F50L;
    private static final long AUXILIARY_DROPOUT_STREAM = 0x41555844L;
    // A task's first batches take longest (its stream opens many documents at once): on the State of the Union corpus
    // sentence distance's first batch took about 4 s, ten steps of a small model, so start a task's batches 50 steps early.
    private static final long LOOKAHEAD_STEPS = 50;

    private final StepComputer computer;
    private final Optimizer optimizer;
    private final OptimizerSettings optimizerSettings;
    private final TrainingPlan plan;
    private final Optional<Evaluator> evaluator;
    private final long checkpointEvery;
    private final Checkpointer checkpointer;
    private final List<TrainingListener> listeners;
    private final BooleanSupplier pause;
    private final GradientSpikes spikes = new GradientSpikes();
    private volatile boolean stopRequested;

    /** Writes a checkpoint of the current state after {@code step} completed steps. */
    @FunctionalInterface
    public interface Checkpointer
    {
        Path save(long step);
    }

    /**
     * @param pause asked before every step; when it says so, the loop returns at that step boundary (without a
     *         checkpoint) so that the caller can change the tasks and continue with a new plan
     */
    public Trainer(StepComputer computer, Optimizer optimizer, OptimizerSettings optimizerSettings, TrainingPlan plan, Optional<Evaluator> evaluator,
            long checkpointEvery, Checkpointer checkpointer, List<TrainingListener> listeners, BooleanSupplier pause)
    {
        this.computer = requireNonNull(computer, "computer is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        this.optimizerSettings = requireNonNull(optimizerSettings, "optimizerSettings is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.evaluator = requireNonNull(evaluator, "evaluator is null");
        this.checkpointEvery = checkpointEvery;
        this.checkpointer = requireNonNull(checkpointer, "checkpointer is null");
        this.listeners = List.copyOf(requireNonNull(listeners, "listeners is null"));
        this.pause = requireNonNull(pause, "pause is null");
    }

    /**
     * Trains from {@code firstStep} until the schedule ends, {@code untilStep} is reached, a stop is requested or a pause
     * is asked for; evaluates when due; writes a checkpoint at every multiple of the checkpoint interval and where it
     * ends or stops. Returns the number of completed steps.
     */
    public long run(long firstStep, long untilStep)
    {
        long length = plan.schedule().length();
        long end = Math.min(untilStep, length);
        listeners.forEach(listener -> listener.onStart(firstStep, length));
        long step = firstStep;
        anticipate(step, length);
        while (step < end && !stopRequested && !pause.getAsBoolean()) {
            long roundEnd = roundEnd(step, end);
            List<StepRecord> records = roundOrSave(step, roundEnd);
            step = roundEnd;
            anticipate(step, length);
            records.forEach(record -> listeners.forEach(listener -> listener.onStep(record)));
            long completed = step;
            evaluator.filter(due -> due.due(completed)).ifPresent(due -> {
                List<TaskEvaluation> results = due.evaluate(completed);
                listeners.forEach(listener -> listener.onEvaluation(results));
            });
            if (step % checkpointEvery == 0 || step == end || stopRequested) {
                checkpoint(step);
            }
        }
        long finished = step;
        if (step >= end || stopRequested) {
            listeners.forEach(listener -> listener.onFinish(finished));
        }
        return step;
    }

    /** Lets the tasks of the next few steps start building their batches, so that the steps do not wait for them. */
    private void anticipate(long from, long length)
    {
        for (long step = from; step < Math.min(length, from + LOOKAHEAD_STEPS); step++) {
            plan.batches().get(plan.tasks().get(plan.schedule().taskAt(step)).name()).startBuilding();
        }
        plan.maskedLmEveryStep().ifPresent(masked -> plan.batches().get(masked.name()).startBuilding());
    }

    /** Whether a stop was requested (as opposed to a pause or the end of the schedule). */
    public boolean stopRequested()
    {
        return stopRequested;
    }

    /** Asks the loop to stop after the current step (or round), with a checkpoint. Safe to call from any thread. */
    public void requestStop()
    {
        stopRequested = true;
    }

    /**
     * Where the round that starts at {@code step} ends: after one step when gradients are averaged every step; else at
     * the next multiple of the round length (rounds are aligned to absolute steps, so that a resumed run's rounds are
     * those of an uninterrupted one), or earlier where a checkpoint or an evaluation is due, so that those happen at
     * the same steps as in a single-machine run.
     */
    private long roundEnd(long step, long end)
    {
        if (computer.rounds().isEmpty()) {
            return step + 1;
        }
        long length = computer.rounds().get().stepsPerRound();
        long last = Math.min(end, (step / length + 1) * length);
        for (long completed = step + 1; completed < last; completed++) {
            long candidate = completed;
            if (completed % checkpointEvery == 0 || evaluator.filter(due -> due.due(candidate)).isPresent()) {
                return completed;
            }
        }
        return last;
    }

    /**
     * The steps from {@code first} to {@code end}, one or a round; if they fail (a diverging loss, a label generator that
     * throws), the data goes back to where it was before them and a checkpoint of the state before them is written, so
     * nothing trained is lost and a resumed run repeats exactly these steps.
     */
    private List<StepRecord> roundOrSave(long first, long end)
    {
        Map<String, StreamPosition> before = new HashMap<>();
        plan.batches().forEach((name, source) -> before.put(name, source.position()));
        try {
            return computer.rounds().isPresent() ? round(first, end, computer.rounds().get()) : List.of(step(first));
        }
        catch (RuntimeException | Error failure) {
            try {
                before.forEach((name, position) -> plan.batches().get(name).rewind(position));
                checkpoint(first);
            }
            catch (RuntimeException | Error saving) {
                failure.addSuppressed(saving);
            }
            if (failure instanceof RuntimeException runtime && !(failure instanceof TrainingDivergedException)) {
                throw new TrainingStepException(first, plan.tasks().get(plan.schedule().taskAt(first)).name(), runtime);
            }
            throw failure;
        }
    }

    /** A round of local steps: the trainer draws every step's batches, the rounds train them and average the result. */
    private List<StepRecord> round(long first, long end, LocalRounds rounds)
    {
        long started = System.nanoTime();
        List<LocalRounds.Step> steps = new ArrayList<>();
        List<Long> dataNanos = new ArrayList<>();
        for (long step = first; step < end; step++) {
            ActiveTask task = plan.tasks().get(plan.schedule().taskAt(step));
            long dataStarted = System.nanoTime();
            Batch batch = plan.batches().get(task.name()).next();
            Optional<LocalRounds.Input> auxiliary = Optional.empty();
            Optional<ActiveTask> masked = auxiliaryFor(task);
            if (masked.isPresent()) {
                Batch maskedBatch = plan.batches().get(masked.get().name()).next();
                auxiliary = Optional.of(new LocalRounds.Input(masked.get().head(), maskedBatch, Seeds.mix(plan.seed(), AUXILIARY_DROPOUT_STREAM, step)));
            }
            dataNanos.add(System.nanoTime() - dataStarted);
            steps.add(new LocalRounds.Step(step, task.name(), new LocalRounds.Input(task.head(), batch, Seeds.mix(plan.seed(), DROPOUT_STREAM, step)),
                    auxiliary, optimizerSettings.learningRateAt(step)));
        }
        List<LocalRounds.Outcome> outcomes = rounds.train(steps, optimizer, optimizerSettings);
        if (outcomes.size() != steps.size()) {
            throw new IllegalStateException("a round of " + steps.size() + " steps returned " + outcomes.size() + " outcomes");
        }
        // The steps of a round run together on the workers: each is credited an equal share of the round's time.
        double seconds = (System.nanoTime() - started) / 1e9 / steps.size();
        List<StepRecord> records = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            LocalRounds.Step step = steps.get(i);
            LocalRounds.Outcome outcome = outcomes.get(i);
            spikes.observe(step.step(), step.taskName(), outcome.gradientNorm());
            Batch batch = step.main().batch();
            records.add(new StepRecord(step.step(), step.taskName(), outcome.main().loss(), outcome.main().accuracy(), batch.size(), batch.tokenCount(),
                    outcome.gradientNorm(), step.learningRate(), seconds, dataNanos.get(i) / 1e9, outcome.auxiliaryLoss(),
                    step.auxiliary().map(auxiliary -> auxiliary.batch().tokenCount()).orElse(0)));
        }
        return records;
    }

    /** The masked-LM task trained alongside {@code task} at every step, where the run has one and it is not the task itself. */
    private Optional<ActiveTask> auxiliaryFor(ActiveTask task)
    {
        return plan.maskedLmEveryStep().filter(masked -> !masked.name().equals(task.name()));
    }

    private StepRecord step(long step)
    {
        long started = System.nanoTime();
        ActiveTask task = plan.tasks().get(plan.schedule().taskAt(step));
        long dataStarted = System.nanoTime();
        Batch batch = plan.batches().get(task.name()).next();
        long dataNanos = System.nanoTime() - dataStarted;
        StepResult result = gradients(task, batch, Seeds.mix(plan.seed(), DROPOUT_STREAM, step), step);
        Map<String, INDArray> gradients = new HashMap<>(result.gradients());
        double auxiliaryLoss = Double.NaN;
        int auxiliaryTokens = 0;
        Optional<ActiveTask> auxiliary = auxiliaryFor(task);
        if (auxiliary.isPresent()) {
            // An engine may reuse its gradient arrays from call to call: keep this step's first gradients apart.
            gradients.replaceAll((name, gradient) -> gradient.dup());
            dataStarted = System.nanoTime();
            Batch maskedBatch = plan.batches().get(auxiliary.get().name()).next();
            dataNanos += System.nanoTime() - dataStarted;
            StepResult masked = gradients(auxiliary.get(), maskedBatch, Seeds.mix(plan.seed(), AUXILIARY_DROPOUT_STREAM, step), step);
            auxiliaryLoss = masked.loss();
            auxiliaryTokens = maskedBatch.tokenCount();
            // The two losses are summed: shared parameters get the sum of both gradients.
            masked.gradients().forEach((name, gradient) -> gradients.merge(name, gradient, INDArray::add));
        }
        double norm = optimizer.gradientNorm(gradients);
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException(step, task.name(), "the gradient norm is " + norm);
        }
        spikes.observe(step, task.name(), norm);
        double learningRate = optimizerSettings.learningRateAt(step);
        // The optimizer applies the clipping factor itself (the fused one inside its update loop).
        optimizer.apply(gradients, learningRate, GradientClipping.scale(norm, optimizerSettings.clipNorm()));
        double seconds = (System.nanoTime() - started) / 1e9;
        return new StepRecord(step, task.name(), result.loss(), result.evaluation().accuracy(), batch.size(), batch.tokenCount(),
                norm, learningRate, seconds, dataNanos / 1e9, auxiliaryLoss, auxiliaryTokens);
    }

    private StepResult gradients(ActiveTask task, Batch batch, long dropoutSeed, long step)
    {
        StepResult result = computer.gradients(task.head(), batch, dropoutSeed);
        if (!Double.isFinite(result.loss())) {
            throw new TrainingDivergedException(step, task.name(), "the loss is " + result.loss());
        }
        return result;
    }

    private void checkpoint(long step)
    {
        Path directory = checkpointer.save(step);
        listeners.forEach(listener -> listener.onCheckpoint(step, directory));
    }
}
