package org.ernie4j.core.training;

import java.time.Duration;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.data.HeldOutSplit;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A pre-training run in memory: the model, the optimizer, the tasks with their data streams over the training
 * documents, the schedule, the held-out evaluation and the checkpoints; started fresh or resumed from a checkpoint so
 * that it continues exactly where that checkpoint stood. It runs the training loop over the parts that keep these: the
 * {@link TaskRoster}, the {@link StageBook} and the {@link CheckpointWriter}, with task changes taken at step boundaries
 * by the {@link TaskChangeStep}.
 */
@PublicApi
public final class PretrainingSession
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PretrainingSession.class);

    private final SessionSetup setup;
    private final ModelParameters parameters;
    private final Execution execution;
    private final StepComputer computer;
    private final TaskRoster roster;
    private final StageBook stages;
    private final CheckpointWriter checkpoints;
    private final TaskChangeStep changeStep;
    private long step;
    private volatile Trainer trainer;
    private volatile boolean stopRequested;

    private PretrainingSession(SessionSetup setup, ModelParameters parameters, Execution execution, StepComputer computer, TaskRoster roster,
            StageBook stages, long step)
    {
        this.setup = setup;
        this.parameters = parameters;
        this.execution = execution;
        this.computer = computer;
        this.roster = roster;
        this.stages = stages;
        this.checkpoints = new CheckpointWriter(setup, parameters, execution.optimizer(), roster);
        this.changeStep = new TaskChangeStep(roster, stages, checkpoints);
        this.step = step;
    }

    /**
     * Opens the session {@code request} asks for: a new run (from the seed, or from pre-trained weights), or the run a
     * checkpoint belongs to, after checking that the checkpoint belongs to this configuration and corpus.
     *
     * @throws IllegalArgumentException if the initial weights or the checkpoint do not fit the configuration
     * @throws IllegalStateException if the checkpoint's run trained tasks that are not available now
     */
    public static PretrainingSession open(SessionRequest request)
    {
        requireNonNull(request, "request is null");
        SessionSetup setup = request.setup();
        SessionStart start = request.checkpoint().<SessionStart>map(checkpoint -> new CheckpointRestore(setup, checkpoint, request.joinedTasks()))
                .orElseGet(() -> new FreshStart(setup, new StartingWeights(request.initialWeights())));
        ModelParameters parameters = start.encoderParameters();
        HeldOutSplit split = split(setup);
        Execution execution = execution(setup, parameters);
        StepComputer computer = null;
        TaskRoster roster = new TaskRoster(setup, split.training(), split.heldOut(), parameters);
        try {
            computer = requireNonNull(request.steps().create(new StepComputer.Context(setup.encoder(), setup.training().engine(),
                    setup.vocabulary().padId(), parameters, execution.engine())), "the step computer is null");
            start.joinTasks(roster, parameters);
            TaskSchedule schedule = start.schedule(roster, StageBook.base(setup, split, roster.tasks()));
            start.restoreOptimizer(execution.optimizer());
            PretrainingSession session = new PretrainingSession(setup, parameters, execution, computer, roster,
                    new StageBook(setup, split, execution.engine(), roster, schedule), start.step());
            request.checkpoint().ifPresent(checkpoint -> LOG.info("resumed from {} at step {}", checkpoint.directory(), session.step));
            return session;
        }
        catch (RuntimeException | Error e) {
            try {
                close(roster, computer, execution);
            }
            catch (RuntimeException | Error closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static HeldOutSplit split(SessionSetup setup)
    {
        HeldOutSplit split = HeldOutSplit.of(setup.documents(), setup.evaluation().heldOut(), setup.training().seed());
        if (split.heldOut().size() > 0) {
            LOG.info("holding out {} of {} documents for evaluation", split.heldOut().size(), setup.documents().size());
        }
        return split;
    }

    private static Execution execution(SessionSetup setup, ModelParameters parameters)
    {
        Execution execution = Execution.create(setup.training().engine(), setup.encoder(), parameters, setup.training().optimizer());
        boolean fellBack = setup.training().engine() == EngineKind.AUTO && execution.kind() == EngineKind.SAMEDIFF;
        LOG.info("engine: {} (configured: {}{})", execution.kind().configName(), setup.training().engine().configName(),
                fellBack ? "; the fused engine cannot run: " + Execution.autoReason() : "");
        return execution;
    }

    /**
     * Trains as {@code options} say: at most so many more steps, to the end of the schedule at most, taking task changes
     * at step boundaries: before a change the session writes a checkpoint, then it adds or retires the task, recomputes
     * the rest of the schedule, tells the listeners the new stage table, writes another checkpoint and goes on. Returns
     * the number of completed steps.
     */
    public long run(RunOptions options)
    {
        requireNonNull(options, "options is null");
        List<TrainingListener> listeners = options.listeners();
        TaskChanges changes = options.changes();
        long until = options.maxSteps() == Long.MAX_VALUE ? Long.MAX_VALUE : step + options.maxSteps();
        boolean waiting = false;
        while (!stopRequested && step < until) {
            if (changes.pending()) {
                changeStep.apply(step, changes.take(), listeners);
            }
            if (step < stages.schedule().length()) {
                Trainer loop = new Trainer(computer, execution.optimizer(), stages.optimizerSettings(), stages.plan(), stages.evaluator(),
                        setup.training().checkpointEvery(), checkpoints, listeners, changes::pending);
                trainer = loop;
                step = loop.run(step, until);
                if (loop.stopRequested()) {
                    break;
                }
                continue;
            }
            if (!options.waitForTasks()) {
                break;
            }
            if (!waiting) {
                waiting = true;
                listeners.forEach(listener -> listener.onWaitingForTasks(step));
            }
            try {
                List<TaskChange> arrived = changes.await(Duration.ofSeconds(1));
                if (!arrived.isEmpty()) {
                    waiting = false;
                    changeStep.apply(step, arrived, listeners);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return step;
    }

    /** Asks a running {@link #run} to stop after the current step and write a checkpoint. */
    public void requestStop()
    {
        stopRequested = true;
        Trainer current = trainer;
        if (current != null) {
            current.requestStop();
        }
    }

    public long step()
    {
        return step;
    }

    public SessionSetup setup()
    {
        return setup;
    }

    public TaskSchedule schedule()
    {
        return stages.schedule();
    }

    /** Every task of the run by id, retired ones included. */
    public List<ActiveTask> tasks()
    {
        return roster.tasks();
    }

    public ModelParameters parameters()
    {
        return parameters;
    }

    public CheckpointStore checkpoints()
    {
        return checkpoints.store();
    }

    /** The ids of the documents held out for evaluation. */
    public List<String> heldOutDocuments()
    {
        return stages.heldOutDocuments();
    }

    /** The engine that runs: fused or samediff. */
    public EngineKind engineKind()
    {
        return execution.kind();
    }

    @Override
    public void close()
    {
        close(roster, computer, execution);
    }

    private static void close(TaskRoster roster, StepComputer computer, Execution execution)
    {
        try {
            roster.close();
            if (computer != null) {
                computer.close();
            }
        }
        finally {
            execution.close();
        }
    }
}
