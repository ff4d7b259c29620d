package org.ernie4j.core.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.checkpoint.CheckpointManifest;
import org.ernie4j.core.checkpoint.CheckpointStore;
import org.ernie4j.core.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.checkpoint.TrainingSnapshot;
import org.ernie4j.core.data.ExampleStream;
import org.ernie4j.core.data.StreamPosition;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.execution.Execution;
import org.ernie4j.core.optim.Optimizer;
import org.ernie4j.core.schedule.ContinualSchedule;
import org.ernie4j.core.schedule.TaskSchedule;
import org.ernie4j.core.task.ActiveTask;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A pre-training run in memory: the model, the optimizer, the tasks with their data streams, the schedule and the
 * checkpoints, started fresh or resumed from a checkpoint so that it continues exactly where that checkpoint stood.
 */
public final class PretrainingSession
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PretrainingSession.class);

    private final SessionSetup setup;
    private final ModelParameters parameters;
    private final Execution execution;
    private final Optimizer optimizer;
    private final List<ActiveTask> tasks;
    private final Map<String, BatchSource> batches;
    private final Map<String, Long> introducedAt;
    private final TaskSchedule schedule;
    private final ModelEngine engine;
    private final CheckpointStore checkpoints;
    private long step;
    private volatile Trainer trainer;

    private PretrainingSession(SessionSetup setup, ModelParameters parameters, List<ActiveTask> tasks, Map<String, Long> introducedAt,
            Map<String, StreamPosition> positions, long step)
    {
        this.setup = setup;
        this.parameters = parameters;
        this.tasks = List.copyOf(tasks);
        this.introducedAt = Map.copyOf(introducedAt);
        this.step = step;
        this.execution = Execution.create(setup.training().engine(), setup.encoder(), parameters, setup.training().optimizer());
        this.optimizer = execution.optimizer();
        this.engine = execution.engine();
        boolean fellBack = setup.training().engine() == EngineKind.AUTO && execution.kind() == EngineKind.SAMEDIFF;
        LOG.info("engine: {} (configured: {}{})", execution.kind().configName(), setup.training().engine().configName(),
                fellBack ? "; the fused engine cannot run: " + Execution.autoReason() : "");
        this.schedule = ContinualSchedule.of(tasks.size(), setup.training().stepsPerTask(), setup.training().seed());
        this.checkpoints = new CheckpointStore(setup.checkpoints(), setup.training().keepCheckpoints());
        this.batches = new LinkedHashMap<>();
        for (ActiveTask task : tasks) {
            ExampleStream.Builder stream = ExampleStream.builder()
                    .task(task.name(), task.labels())
                    .documents(setup.documents())
                    .reporter(task.reporter())
                    .seed(setup.training().seed())
                    .maxLength(setup.training().sequenceLength())
                    .openDocuments(setup.training().openDocuments());
            StreamPosition position = positions.get(task.name());
            batches.put(task.name(), new BatchSource(position == null ? stream.start() : stream.resume(position),
                    setup.training().batchSize(), setup.vocabulary().padId()));
        }
    }

    /** A new run: parameters initialised from the seed, every task introduced in configuration order. */
    public static PretrainingSession start(SessionSetup setup)
    {
        requireNonNull(setup, "setup is null");
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        ParameterInitializer initializer = new ParameterInitializer(setup.training().seed(), setup.encoder().initializerRange());
        parameters.addMissing(EncoderLayout.parameters(setup.encoder()), initializer);
        List<ActiveTask> tasks = activate(setup);
        Map<String, Long> introducedAt = new LinkedHashMap<>();
        TaskSchedule schedule = ContinualSchedule.of(tasks.size(), setup.training().stepsPerTask(), setup.training().seed());
        for (int i = 0; i < tasks.size(); i++) {
            ActiveTask task = tasks.get(i);
            parameters.addMissing(HeadLayout.parameters(task.name(), task.head().head(), setup.encoder()), initializer);
            introducedAt.put(task.name(), schedule.stages().get(i).firstStep());
        }
        return new PretrainingSession(setup, parameters, tasks, introducedAt, Map.of(), 0);
    }

    /** Continues a run from a checkpoint, after checking that the checkpoint belongs to this configuration and corpus. */
    public static PretrainingSession resume(SessionSetup setup, LoadedCheckpoint checkpoint)
    {
        requireNonNull(setup, "setup is null");
        requireNonNull(checkpoint, "checkpoint is null");
        CheckpointManifest manifest = checkpoint.manifest();
        new ResumeCheck(setup, checkpoint).verify();
        List<ActiveTask> tasks = activate(setup);
        List<ParameterSpec> expected = new ArrayList<>(EncoderLayout.parameters(setup.encoder()));
        for (ActiveTask task : tasks) {
            expected.addAll(HeadLayout.parameters(task.name(), task.head().head(), setup.encoder()));
        }
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        for (ParameterSpec spec : expected) {
            INDArray stored = checkpoint.parameters().get(spec.name());
            if (stored == null) {
                throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + " has no parameter " + spec.name());
            }
            if (!Arrays.equals(stored.shape(), spec.shape())) {
                throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + ": parameter " + spec.name() + " has shape "
                        + Arrays.toString(stored.shape()) + " but the configuration needs " + Arrays.toString(spec.shape()));
            }
            parameters.add(spec, stored.castTo(DataType.FLOAT));
        }
        // Parameters of custom heads are not in the layout; they come back as stored and the graph adopts them.
        checkpoint.parameters().forEach((name, value) -> {
            if (!parameters.contains(name)) {
                parameters.add(new ParameterSpec(name, value.shape(), org.ernie4j.core.model.Initialization.ZEROS, true),
                        value.castTo(DataType.FLOAT));
            }
        });
        Map<String, Long> introducedAt = new LinkedHashMap<>();
        manifest.tasks().forEach(task -> introducedAt.put(task.name(), task.introducedAtStep()));
        PretrainingSession session = new PretrainingSession(setup, parameters, tasks, introducedAt, manifest.streams(), manifest.step());
        session.optimizer.restore(checkpoint.optimizer());
        LOG.info("resumed from {} at step {}", checkpoint.directory(), manifest.step());
        return session;
    }

    private static List<ActiveTask> activate(SessionSetup setup)
    {
        List<ActiveTask> tasks = new ArrayList<>();
        for (int id = 0; id < setup.tasks().size(); id++) {
            TaskSetup task = setup.tasks().get(id);
            tasks.add(ActiveTask.activate(task.task(), id, task.settings(), setup.vocabulary(), setup.training().sequenceLength(),
                    setup.documents()));
        }
        return tasks;
    }

    /** Trains to the end of the schedule. Returns the number of completed steps. */
    public long run(List<TrainingListener> listeners)
    {
        return run(listeners, Long.MAX_VALUE);
    }

    /** Trains at most {@code maxSteps} more steps (and to the end of the schedule at most). */
    public long run(List<TrainingListener> listeners, long maxSteps)
    {
        Trainer loop = new Trainer(engine, optimizer, setup.training().optimizer(), schedule, tasks, batches, setup.training().seed(),
                setup.training().checkpointEvery(), this::checkpoint, listeners);
        trainer = loop;
        long until = maxSteps == Long.MAX_VALUE ? Long.MAX_VALUE : step + maxSteps;
        step = loop.run(step, until);
        return step;
    }

    /** Asks a running {@link #run} to stop after the current step and write a checkpoint. */
    public void requestStop()
    {
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
        for (ActiveTask task : tasks) {
            records.add(new CheckpointManifest.TaskRecord(task.name(), task.head().taskId(), introducedAt.get(task.name()),
                    task.head().head().toString(), task.task().getClass().getName()));
        }
        CheckpointManifest.Provenance provenance = new CheckpointManifest.Provenance(Versions.ernie4j(), Versions.nd4j(),
                System.getProperty("java.version"), Instant.now().toString(), setup.corpus().corpusFingerprint(),
                setup.corpus().vocabularySha256());
        return checkpoints.write(new TrainingSnapshot(completed, setup.training().seed(), parameters, optimizer.state(), records, positions,
                setup.resolvedConfig(), provenance));
    }

    public long step()
    {
        return step;
    }

    public TaskSchedule schedule()
    {
        return schedule;
    }

    public List<ActiveTask> tasks()
    {
        return tasks;
    }

    public ModelParameters parameters()
    {
        return parameters;
    }

    public CheckpointStore checkpoints()
    {
        return checkpoints;
    }

    /** The engine that runs: fused or samediff. */
    public EngineKind engineKind()
    {
        return execution.kind();
    }

    @Override
    public void close()
    {
        execution.close();
    }
}
