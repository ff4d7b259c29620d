package org.ernie4j.core.training;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.support.Versions;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.training.checkpoint.ScheduleEvent;
import org.ernie4j.core.training.checkpoint.TrainingSnapshot;
import org.ernie4j.core.training.data.ExampleCounts;
import org.ernie4j.core.training.data.ExampleStream;
import org.ernie4j.core.training.data.HeldOutSplit;
import org.ernie4j.core.training.data.StreamPosition;
import org.ernie4j.core.training.evaluate.Evaluator;
import org.ernie4j.core.training.evaluate.HeldOutSet;
import org.ernie4j.core.training.evaluate.TaskEvaluation;
import org.ernie4j.core.training.schedule.ScheduleTable;
import org.ernie4j.core.training.schedule.Stage;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A pre-training run in memory: the model, the optimizer, the tasks with their data streams over the training
 * documents, the schedule, the held-out evaluation and the checkpoints; started fresh or resumed from a checkpoint so
 * that it continues exactly where that checkpoint stood.
 */
@PublicApi
public final class PretrainingSession
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PretrainingSession.class);
    /** Documents read to estimate each task's data size for the proportional and temperature samplers. */
    private static final int DATA_SIZE_SAMPLE = 2000;

    private final SessionSetup setup;
    private final ModelParameters parameters;
    private final ParameterInitializer initializer;
    private final Execution execution;
    private final Optimizer optimizer;
    private final ModelEngine engine;
    private final StepComputer computer;
    private final CheckpointStore checkpoints;
    private final HeldOutSplit split;
    /** The tasks by id (their index), retired ones included. */
    private final List<ActiveTask> tasks = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();
    private final Map<String, Long> introducedAt = new LinkedHashMap<>();
    private final Map<String, Long> retiredAt = new LinkedHashMap<>();
    /** Each task's held-out set, drawn once: an evaluator is made anew for every stretch of training between task changes. */
    private final Map<String, HeldOutSet> heldOutSets = new LinkedHashMap<>();
    private final List<ScheduleEvent> events = new ArrayList<>();
    private final Map<String, BatchSource> batches = new LinkedHashMap<>();
    /** Values that new parameters take instead of the seed's, while a run that starts from pre-trained weights starts. */
    private Map<String, INDArray> startingValues = Map.of();
    private TaskSchedule schedule;
    private long step;
    private volatile Trainer trainer;
    private volatile boolean stopRequested;

    private PretrainingSession(SessionSetup setup, HeldOutSplit split, ModelParameters parameters, long step, StepComputer.Factory steps)
    {
        this.setup = setup;
        this.split = split;
        this.parameters = parameters;
        this.step = step;
        this.initializer = new ParameterInitializer(setup.training().seed(), setup.encoder().initializerRange());
        this.execution = Execution.create(setup.training().engine(), setup.encoder(), parameters, setup.training().optimizer());
        this.optimizer = execution.optimizer();
        this.engine = execution.engine();
        boolean fellBack = setup.training().engine() == EngineKind.AUTO && execution.kind() == EngineKind.SAMEDIFF;
        LOG.info("engine: {} (configured: {}{})", execution.kind().configName(), setup.training().engine().configName(),
                fellBack ? "; the fused engine cannot run: " + Execution.autoReason() : "");
        this.checkpoints = new CheckpointStore(setup.checkpoints(), setup.training().keepCheckpoints());
        try {
            this.computer = requireNonNull(steps.create(new StepComputer.Context(setup.encoder(), setup.training().engine(), setup.vocabulary().padId(),
                    parameters, engine)), "the step computer is null");
        }
        catch (RuntimeException | Error e) {
            execution.close();
            throw e;
        }
    }

    /** Activates a task as the next id and opens its data stream at {@code position} (or at the start). */
    private ActiveTask join(TaskSetup setupOfTask, String origin, StreamPosition position)
    {
        int id = tasks.size();
        if (id >= setup.encoder().taskTypes()) {
            throw new IllegalStateException("task " + setupOfTask.name() + " cannot join: the task embedding has " + setup.encoder().taskTypes()
                    + " rows and all are taken (model.task-types)");
        }
        ActiveTask task = ActiveTask.activate(setupOfTask.task(), id, setupOfTask.settings(), setup.vocabulary(),
                setup.training().sequenceLength(), split.training());
        List<ParameterSpec> head = HeadLayout.parameters(task.name(), task.head().head(), setup.encoder());
        List<String> adopted = adopt(parameters, head, startingValues);
        if (!adopted.isEmpty()) {
            LOG.info("task {} starts with its head from the initial weights: {}", task.name(), adopted);
        }
        parameters.addMissing(head, initializer);
        ExampleStream.Builder stream = ExampleStream.builder()
                .task(task.name(), task.labels())
                .documents(split.training())
                .reporter(task.reporter())
                .seed(setup.training().seed())
                .maxLength(setup.training().sequenceLength())
                .openDocuments(setup.training().openDocuments());
        batches.put(task.name(), new BatchSource(stream, position, setup.training().batchSize(), setup.vocabulary().padId(), setup.training().batchesAhead(),
                "batches-" + task.name()));
        tasks.add(task);
        origins.add(origin);
        return task;
    }

    /** A new run: parameters initialised from the seed, every task introduced in configuration order. */
    public static PretrainingSession start(SessionSetup setup)
    {
        return start(setup, Map.of(), StepComputer.Factory.LOCAL);
    }

    /** A new run whose steps are computed by what {@code steps} makes (this JVM's engine, or a cluster). */
    public static PretrainingSession start(SessionSetup setup, StepComputer.Factory steps)
    {
        return start(setup, Map.of(), steps);
    }

    /** A new run from pre-trained weights, its steps computed in this JVM; see {@link #start(SessionSetup, Map, StepComputer.Factory)}. */
    public static PretrainingSession start(SessionSetup setup, Map<String, INDArray> initial)
    {
        return start(setup, initial, StepComputer.Factory.LOCAL);
    }

    /**
     * A new run that starts from pre-trained weights (an imported BERT, an earlier run): every encoder parameter comes from
     * {@code initial}, and so does the head of each task whose head parameters it holds under that task's name (an
     * imported masked-LM head, say); every other head starts from the seed. The optimizer and the schedule start fresh.
     * Its steps are computed by what {@code steps} makes (this JVM's engine, or a cluster).
     *
     * @throws IllegalArgumentException if an encoder parameter is missing from {@code initial} or has another shape
     */
    public static PretrainingSession start(SessionSetup setup, Map<String, INDArray> initial, StepComputer.Factory steps)
    {
        requireNonNull(setup, "setup is null");
        requireNonNull(initial, "initial is null");
        requireNonNull(steps, "steps is null");
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        List<ParameterSpec> encoder = EncoderLayout.parameters(setup.encoder());
        if (!initial.isEmpty()) {
            List<String> missing = encoder.stream().map(ParameterSpec::name).filter(name -> !initial.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the initial weights lack the encoder parameters " + missing);
            }
            adopt(parameters, encoder, initial);
        }
        parameters.addMissing(encoder, new ParameterInitializer(setup.training().seed(), setup.encoder().initializerRange()));
        PretrainingSession session = new PretrainingSession(setup, split(setup), parameters, 0, steps);
        session.startingValues = Map.copyOf(initial);
        for (TaskSetup task : setup.tasks()) {
            session.join(task, CheckpointManifest.TaskRecord.CONFIGURED, null);
        }
        // Tasks that join later (plugins) start from the seed like any new task.
        session.startingValues = Map.of();
        session.schedule = session.baseSchedule();
        for (int task = 0; task < session.tasks.size(); task++) {
            session.introducedAt.put(session.tasks.get(task).name(), session.firstStepOf(task));
        }
        return session;
    }

    /** Adds each of {@code specs} that {@code values} holds, as a float32 copy; returns the names added. */
    private static List<String> adopt(ModelParameters parameters, List<ParameterSpec> specs, Map<String, INDArray> values)
    {
        List<String> adopted = new ArrayList<>();
        for (ParameterSpec spec : specs) {
            INDArray value = values.get(spec.name());
            if (value != null && !parameters.contains(spec.name())) {
                if (!Arrays.equals(value.shape(), spec.shape())) {
                    throw new IllegalArgumentException("the initial weights have " + spec.name() + " of shape " + Arrays.toString(value.shape())
                            + " but this run's model needs " + Arrays.toString(spec.shape()));
                }
                parameters.add(spec, value.castTo(DataType.FLOAT).dup('c'));
                adopted.add(spec.name());
            }
        }
        return adopted;
    }

    /** Continues a run from a checkpoint of this configuration's tasks only. */
    public static PretrainingSession resume(SessionSetup setup, LoadedCheckpoint checkpoint)
    {
        return resume(setup, checkpoint, TaskSource.NONE);
    }

    /**
     * Continues a run from a checkpoint, after checking that the checkpoint belongs to this configuration and corpus.
     * Tasks that joined the run while it trained (plugins) are found through {@code joinedTasks}; a missing one is an
     * error that names it and where it came from.
     */
    public static PretrainingSession resume(SessionSetup setup, LoadedCheckpoint checkpoint, TaskSource joinedTasks)
    {
        return resume(setup, checkpoint, joinedTasks, StepComputer.Factory.LOCAL);
    }

    /**
     * Continues a run from a checkpoint as {@link #resume(SessionSetup, LoadedCheckpoint, TaskSource)} does, with steps
     * computed by what {@code steps} makes. Where a checkpoint's steps were computed does not matter: it holds the same
     * parameters, optimizer state and data positions either way.
     */
    public static PretrainingSession resume(SessionSetup setup, LoadedCheckpoint checkpoint, TaskSource joinedTasks, StepComputer.Factory steps)
    {
        requireNonNull(setup, "setup is null");
        requireNonNull(steps, "steps is null");
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(joinedTasks, "joinedTasks is null");
        new ResumeCheck(setup, checkpoint).verify();
        CheckpointManifest manifest = checkpoint.manifest();
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        for (ParameterSpec spec : EncoderLayout.parameters(setup.encoder())) {
            parameters.add(spec, stored(checkpoint, spec));
        }
        PretrainingSession session = new PretrainingSession(setup, split(setup), parameters, manifest.step(), steps);
        List<String> missing = new ArrayList<>();
        for (CheckpointManifest.TaskRecord record : manifest.tasks()) {
            Optional<TaskSetup> task = record.configured()
                    ? setup.tasks().stream().filter(configured -> configured.name().equals(record.name())).findFirst()
                    : joinedTasks.find(record.name());
            if (task.isEmpty()) {
                missing.add(record.name() + " (joined at step " + record.introducedAtStep() + " from " + record.origin() + ")");
                continue;
            }
            ActiveTask joined = session.join(task.get(), record.origin() == null ? CheckpointManifest.TaskRecord.CONFIGURED : record.origin(),
                    manifest.streams().get(record.name()));
            for (ParameterSpec spec : HeadLayout.parameters(record.name(), joined.head().head(), setup.encoder())) {
                parameters.get(spec.name()).assign(stored(checkpoint, spec));
            }
            session.introducedAt.put(record.name(), record.introducedAtStep());
            if (record.retiredAtStep() != null) {
                session.retiredAt.put(record.name(), record.retiredAtStep());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot resume from " + checkpoint.directory() + ": the run trained tasks that are not available now: "
                    + String.join("; ", missing) + ". Put their plugin jars back in the plugins folder (or on the class path) and resume again.");
        }
        // Parameters of custom heads are not in the layout; they come back as stored and the graph adopts them.
        checkpoint.parameters().forEach((name, value) -> {
            if (!parameters.contains(name)) {
                parameters.add(new ParameterSpec(name, value.shape(), Initialization.ZEROS, true), value.castTo(DataType.FLOAT));
            }
        });
        session.events.addAll(manifest.scheduleEvents());
        session.schedule = session.replaySchedule();
        session.optimizer.restore(checkpoint.optimizer());
        LOG.info("resumed from {} at step {}", checkpoint.directory(), manifest.step());
        return session;
    }

    private static INDArray stored(LoadedCheckpoint checkpoint, ParameterSpec spec)
    {
        INDArray stored = checkpoint.parameters().get(spec.name());
        if (stored == null) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + " has no parameter " + spec.name());
        }
        if (!Arrays.equals(stored.shape(), spec.shape())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + ": parameter " + spec.name() + " has shape "
                    + Arrays.toString(stored.shape()) + " but the configuration needs " + Arrays.toString(spec.shape()));
        }
        return stored.castTo(DataType.FLOAT);
    }

    private static HeldOutSplit split(SessionSetup setup)
    {
        HeldOutSplit split = HeldOutSplit.of(setup.documents(), setup.evaluation().heldOut(), setup.training().seed());
        if (split.heldOut().size() > 0) {
            LOG.info("holding out {} of {} documents for evaluation", split.heldOut().size(), setup.documents().size());
        }
        return split;
    }

    /** The schedule of the configuration's tasks, before any task joined or left. */
    private TaskSchedule baseSchedule()
    {
        List<ActiveTask> configured = tasks.subList(0, setup.tasks().size());
        List<String> names = configured.stream().map(ActiveTask::name).toList();
        return setup.schedule().create(names, setup.training().stepsPerTask(), setup.training().seed(), () -> {
            List<LabelGenerator> generators = configured.stream().map(ActiveTask::labels).toList();
            long[] sizes = ExampleCounts.estimate(generators, split.training(), setup.training().seed(), DATA_SIZE_SAMPLE);
            LOG.info("examples per task, estimated for the sampler: {}", describe(names, sizes));
            return sizes;
        });
    }

    /** The base schedule with every recorded join and retirement applied in order: the schedule the run had. */
    private TaskSchedule replaySchedule()
    {
        TaskSchedule replayed = baseSchedule();
        for (ScheduleEvent event : events) {
            replayed = event.kind().equals(ScheduleEvent.ADDED)
                    ? replayed.withTaskAdded(event.step(), setup.training().stepsPerTask())
                    : replayed.withTaskRetired(event.step(), indexOf(event.task()));
        }
        if (replayed.taskCount() != tasks.size()) {
            throw new IllegalStateException("the checkpoint's schedule events describe " + replayed.taskCount() + " tasks but its task table has "
                    + tasks.size());
        }
        return replayed;
    }

    private static String describe(List<String> names, long[] sizes)
    {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(sizes[i]);
        }
        return text.toString();
    }

    /** Trains to the end of the schedule. Returns the number of completed steps. */
    public long run(List<TrainingListener> listeners)
    {
        return run(listeners, Long.MAX_VALUE);
    }

    /** Trains at most {@code maxSteps} more steps (and to the end of the schedule at most). */
    public long run(List<TrainingListener> listeners, long maxSteps)
    {
        return run(listeners, maxSteps, TaskChanges.NONE, false);
    }

    /**
     * Trains at most {@code maxSteps} more steps, taking task changes at step boundaries: before a change the session
     * writes a checkpoint, then it adds or retires the task, recomputes the rest of the schedule, tells the listeners the
     * new stage table, writes another checkpoint and goes on.
     *
     * @param waitForTasks when the schedule is done, wait for new tasks instead of returning (until a stop request)
     */
    public long run(List<TrainingListener> listeners, long maxSteps, TaskChanges changes, boolean waitForTasks)
    {
        long until = maxSteps == Long.MAX_VALUE ? Long.MAX_VALUE : step + maxSteps;
        boolean waiting = false;
        while (!stopRequested && step < until) {
            if (changes.pending()) {
                apply(changes.take(), listeners);
            }
            if (step < schedule.length()) {
                // The learning rate decays to zero at the end of the schedule as it is now, grown by any task that joined.
                OptimizerSettings settings = setup.training().optimizer().withTotalSteps(Math.max(setup.training().optimizer().totalSteps(),
                        schedule.length()));
                Trainer loop = new Trainer(computer, optimizer, settings, plan(), evaluator(),
                        setup.training().checkpointEvery(), this::checkpoint, listeners, changes::pending);
                trainer = loop;
                step = loop.run(step, until);
                if (loop.stopRequested()) {
                    break;
                }
                continue;
            }
            if (!waitForTasks) {
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
                    apply(arrived, listeners);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return step;
    }

    private void apply(List<TaskChange> changes, List<TrainingListener> listeners)
    {
        if (changes.isEmpty()) {
            return;
        }
        evaluateStageCutShort(listeners);
        checkpoint(step);
        for (TaskChange change : changes) {
            String description;
            try {
                description = change instanceof TaskChange.Join join ? add(join) : retire((TaskChange.Retire) change);
            }
            catch (RuntimeException e) {
                // A task that cannot join (bad settings, no free task id, a schedule that cannot grow) never stops training.
                LOG.error("at step {}: {}", step, e.getMessage());
                long at = step;
                String reason = (change instanceof TaskChange.Join join ? "task " + join.task().name() + " cannot join: " : "") + e.getMessage();
                listeners.forEach(listener -> listener.onTaskRefused(at, reason));
                continue;
            }
            if (description == null) {
                continue;
            }
            String table = ScheduleTable.format(schedule, tasks.stream().map(ActiveTask::name).toList());
            LOG.info("at step {}: {}; the schedule is now:\n{}", step, description, table);
            long at = step;
            listeners.forEach(listener -> listener.onTasksChanged(at, description, table));
        }
        checkpoint(step);
    }

    /**
     * A task that joins or leaves ends the running stage here, before the end the schedule had for it: every task present
     * is evaluated now, as at the end of any stage, or that stage would have no row in the forgetting matrix (unless an
     * evaluation falls on this step anyway).
     */
    private void evaluateStageCutShort(List<TrainingListener> listeners)
    {
        if (step == 0 || step >= schedule.length()) {
            return;
        }
        evaluator().filter(evaluator -> !evaluator.due(step)).ifPresent(evaluator -> {
            List<TaskEvaluation> results = evaluator.evaluate(step);
            listeners.forEach(listener -> listener.onEvaluation(results));
        });
    }

    private String add(TaskChange.Join join)
    {
        String name = join.task().name();
        if (indexOf(name) >= 0) {
            LOG.info("task {} from {} is already part of this run{}; nothing changes", name, join.origin(),
                    retiredAt.containsKey(name) ? " (retired at step " + retiredAt.get(name) + "; it comes back in a later run)" : "");
            return null;
        }
        TaskSchedule grown = schedule.withTaskAdded(step, setup.training().stepsPerTask());
        ActiveTask task = join(join.task(), join.origin(), null);
        schedule = grown;
        introducedAt.put(name, step);
        events.add(new ScheduleEvent(ScheduleEvent.ADDED, name, step));
        return "task " + name + " (from " + join.origin() + ") joined as task id " + task.head().taskId();
    }

    private String retire(TaskChange.Retire retire)
    {
        int index = indexOf(retire.task());
        if (index < 0 || retiredAt.containsKey(retire.task())) {
            return null;
        }
        schedule = schedule.withTaskRetired(step, index);
        retiredAt.put(retire.task(), step);
        events.add(new ScheduleEvent(ScheduleEvent.RETIRED, retire.task(), step));
        return "task " + retire.task() + " left the schedule (" + retire.reason() + "); its head stays in the checkpoints";
    }

    private int indexOf(String name)
    {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private TrainingPlan plan()
    {
        Optional<ActiveTask> maskedLm = setup.schedule().maskedLm().map(name -> {
            ActiveTask task = tasks.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
            if (!(task.head().head() instanceof MaskedTokenHead)) {
                throw new IllegalArgumentException("schedule.masked-lm-every-step: task " + name + " has a " + task.head().head()
                        + " head, not a masked-token head");
            }
            return task;
        });
        return new TrainingPlan(schedule, List.copyOf(tasks), batches, maskedLm, setup.training().seed());
    }

    private Optional<Evaluator> evaluator()
    {
        if (split.heldOut().size() == 0) {
            return Optional.empty();
        }
        List<ActiveTask> undrawn = tasks.stream().filter(task -> !heldOutSets.containsKey(task.name())).toList();
        heldOutSets.putAll(Evaluator.heldOutSets(undrawn, split.heldOut(), split.training(), setup.vocabulary(), setup.evaluation().examples(),
                setup.training().batchSize(), setup.training().sequenceLength(), setup.training().seed()));
        return Optional.of(new Evaluator(engine, schedule, tasks, heldOutSets, setup.evaluation().every(), setup.training().seed()));
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

    private Path checkpoint(long completed)
    {
        Map<String, StreamPosition> positions = new LinkedHashMap<>();
        batches.forEach((name, source) -> positions.put(name, source.position()));
        List<CheckpointManifest.TaskRecord> records = new ArrayList<>();
        for (int id = 0; id < tasks.size(); id++) {
            ActiveTask task = tasks.get(id);
            records.add(new CheckpointManifest.TaskRecord(task.name(), id, introducedAt.getOrDefault(task.name(), step), task.head().head().toString(),
                    task.task().getClass().getName(), origins.get(id), retiredAt.get(task.name())));
        }
        CheckpointManifest.Provenance provenance = new CheckpointManifest.Provenance(Versions.ernie4j(), Versions.nd4j(),
                System.getProperty("java.version"), Instant.now().toString(), setup.corpus().corpusFingerprint(),
                setup.corpus().vocabularySha256());
        return checkpoints.write(new TrainingSnapshot(completed, setup.training().seed(), parameters, optimizer.state(), records, events,
                positions, setup.resolvedConfig(), provenance, setup.vocabularyFile()));
    }

    /** The first step at which the schedule trains a task. */
    private long firstStepOf(int task)
    {
        for (Stage stage : schedule.stages()) {
            if (stage.iterations().get(task) > 0) {
                return stage.firstStep();
            }
        }
        return schedule.length();
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
        return schedule;
    }

    /** Every task of the run by id, retired ones included. */
    public List<ActiveTask> tasks()
    {
        return List.copyOf(tasks);
    }

    public ModelParameters parameters()
    {
        return parameters;
    }

    public CheckpointStore checkpoints()
    {
        return checkpoints;
    }

    /** The ids of the documents held out for evaluation. */
    public List<String> heldOutDocuments()
    {
        return split.heldOutIds();
    }

    /** The engine that runs: fused or samediff. */
    public EngineKind engineKind()
    {
        return execution.kind();
    }

    @Override
    public void close()
    {
        batches.values().forEach(BatchSource::close);
        try {
            computer.close();
        }
        finally {
            execution.close();
        }
    }
}
