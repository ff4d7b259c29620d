package org.ernie4j.core.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.checkpoint.CheckpointManifest;
import org.ernie4j.core.checkpoint.CheckpointStore;
import org.ernie4j.core.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.checkpoint.TrainingSnapshot;
import org.ernie4j.core.data.ExampleCounts;
import org.ernie4j.core.data.ExampleStream;
import org.ernie4j.core.data.HeldOutSplit;
import org.ernie4j.core.data.StreamPosition;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.evaluate.Evaluator;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.optim.AdamW;
import org.ernie4j.core.samediff.SameDiffEngine;
import org.ernie4j.core.schedule.Stage;
import org.ernie4j.core.schedule.TaskSchedule;
import org.ernie4j.core.task.ActiveTask;
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
public final class PretrainingSession
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PretrainingSession.class);
    /** Documents read to estimate each task's data size for the proportional and temperature samplers. */
    private static final int DATA_SIZE_SAMPLE = 2000;

    private final SessionSetup setup;
    private final ModelParameters parameters;
    private final AdamW optimizer;
    private final List<ActiveTask> tasks;
    private final Map<String, BatchSource> batches;
    private final TaskSchedule schedule;
    private final ModelEngine engine;
    private final CheckpointStore checkpoints;
    private final HeldOutSplit split;
    private long step;
    private volatile Trainer trainer;

    private PretrainingSession(SessionSetup setup, HeldOutSplit split, ModelParameters parameters, List<ActiveTask> tasks,
            Map<String, StreamPosition> positions, long step)
    {
        this.setup = setup;
        this.split = split;
        this.parameters = parameters;
        this.tasks = List.copyOf(tasks);
        this.step = step;
        this.optimizer = new AdamW(setup.training().optimizer(), parameters);
        this.schedule = schedule(setup, split, tasks);
        this.engine = new SameDiffEngine(setup.encoder(), parameters);
        this.checkpoints = new CheckpointStore(setup.checkpoints(), setup.training().keepCheckpoints());
        this.batches = new LinkedHashMap<>();
        for (ActiveTask task : tasks) {
            ExampleStream.Builder stream = ExampleStream.builder()
                    .task(task.name(), task.labels())
                    .documents(split.training())
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
        HeldOutSplit split = split(setup);
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        ParameterInitializer initializer = new ParameterInitializer(setup.training().seed(), setup.encoder().initializerRange());
        parameters.addMissing(EncoderLayout.parameters(setup.encoder()), initializer);
        List<ActiveTask> tasks = activate(setup, split);
        for (ActiveTask task : tasks) {
            parameters.addMissing(HeadLayout.parameters(task.name(), task.head().head(), setup.encoder()), initializer);
        }
        return new PretrainingSession(setup, split, parameters, tasks, Map.of(), 0);
    }

    /** Continues a run from a checkpoint, after checking that the checkpoint belongs to this configuration and corpus. */
    public static PretrainingSession resume(SessionSetup setup, LoadedCheckpoint checkpoint)
    {
        requireNonNull(setup, "setup is null");
        requireNonNull(checkpoint, "checkpoint is null");
        new ResumeCheck(setup, checkpoint).verify();
        HeldOutSplit split = split(setup);
        List<ActiveTask> tasks = activate(setup, split);
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
                parameters.add(new ParameterSpec(name, value.shape(), Initialization.ZEROS, true), value.castTo(DataType.FLOAT));
            }
        });
        PretrainingSession session = new PretrainingSession(setup, split, parameters, tasks, checkpoint.manifest().streams(),
                checkpoint.manifest().step());
        session.optimizer.restore(checkpoint.optimizer());
        LOG.info("resumed from {} at step {}", checkpoint.directory(), checkpoint.manifest().step());
        return session;
    }

    private static HeldOutSplit split(SessionSetup setup)
    {
        HeldOutSplit split = HeldOutSplit.of(setup.documents(), setup.evaluation().heldOut(), setup.training().seed());
        if (split.heldOut().size() > 0) {
            LOG.info("holding out {} of {} documents for evaluation", split.heldOut().size(), setup.documents().size());
        }
        return split;
    }

    private static List<ActiveTask> activate(SessionSetup setup, HeldOutSplit split)
    {
        List<ActiveTask> tasks = new ArrayList<>();
        for (int id = 0; id < setup.tasks().size(); id++) {
            TaskSetup task = setup.tasks().get(id);
            tasks.add(ActiveTask.activate(task.task(), id, task.settings(), setup.vocabulary(), setup.training().sequenceLength(),
                    split.training()));
        }
        return tasks;
    }

    private static TaskSchedule schedule(SessionSetup setup, HeldOutSplit split, List<ActiveTask> tasks)
    {
        List<String> names = tasks.stream().map(ActiveTask::name).toList();
        return setup.schedule().create(names, setup.training().stepsPerTask(), setup.training().seed(), () -> {
            List<LabelGenerator> generators = tasks.stream().map(ActiveTask::labels).toList();
            long[] sizes = ExampleCounts.estimate(generators, split.training(), setup.training().seed(), DATA_SIZE_SAMPLE);
            LOG.info("examples per task, estimated for the sampler: {}", describe(names, sizes));
            return sizes;
        });
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
        Trainer loop = new Trainer(engine, optimizer, setup.training().optimizer(), plan(), evaluator(), setup.training().checkpointEvery(),
                this::checkpoint, listeners);
        trainer = loop;
        long until = maxSteps == Long.MAX_VALUE ? Long.MAX_VALUE : step + maxSteps;
        step = loop.run(step, until);
        return step;
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
        return new TrainingPlan(schedule, tasks, batches, maskedLm, setup.training().seed());
    }

    private Optional<Evaluator> evaluator()
    {
        if (split.heldOut().size() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Evaluator(engine, schedule, tasks, Evaluator.heldOutBatches(tasks, split.heldOut(), setup.evaluation().examples(),
                setup.training().batchSize(), setup.training().sequenceLength(), setup.vocabulary().padId(), setup.training().seed()),
                setup.evaluation().every()));
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
            records.add(new CheckpointManifest.TaskRecord(task.name(), task.head().taskId(), introducedAt(task.head().taskId()),
                    task.head().head().toString(), task.task().getClass().getName()));
        }
        CheckpointManifest.Provenance provenance = new CheckpointManifest.Provenance(Versions.ernie4j(), Versions.nd4j(),
                System.getProperty("java.version"), Instant.now().toString(), setup.corpus().corpusFingerprint(),
                setup.corpus().vocabularySha256());
        return checkpoints.write(new TrainingSnapshot(completed, setup.training().seed(), parameters, optimizer.state(), records, positions,
                setup.resolvedConfig(), provenance));
    }

    /** The first step at which the schedule trains a task. */
    private long introducedAt(int task)
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

    /** The ids of the documents held out for evaluation. */
    public List<String> heldOutDocuments()
    {
        return split.heldOutIds();
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
