package org.ernie4j.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.EvaluationSection;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.run.RunLock;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.training.CorpusIdentity;
import org.ernie4j.core.training.PretrainingSession;
import org.ernie4j.core.training.ResumeCheck;
import org.ernie4j.core.training.RunOptions;
import org.ernie4j.core.training.SessionRequest;
import org.ernie4j.core.training.SessionSetup;
import org.ernie4j.core.training.StepComputer;
import org.ernie4j.core.training.TaskChanges;
import org.ernie4j.core.training.TaskSetup;
import org.ernie4j.core.training.TrainingListener;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.CorruptCheckpointException;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.training.evaluate.EvaluationSettings;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.document.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;

import static java.util.Objects.requireNonNull;

/**
 * Runs pre-training in a run directory: locks it, writes the resolved configuration, starts or resumes the session,
 * logs metrics and held-out evaluations, and checkpoints as configured. The directory holds {@code config.yaml},
 * {@code metrics.jsonl}, {@code evaluations.jsonl}, {@code checkpoints/} and {@code run.lock}.
 */
@PublicApi
public final class PretrainingRun
{
    private static final Logger LOG = LoggerFactory.getLogger(PretrainingRun.class);
    /** One JSON line per training step. */
    public static final String METRICS = "metrics.jsonl";
    /** One JSON line per task and held-out evaluation. */
    public static final String EVALUATIONS = "evaluations.jsonl";
    /** One JSON line per task that joined or left, and per refused plugin jar. */
    public static final String TASK_EVENTS = "task-events.jsonl";
    private static final String CHECKPOINTS = "checkpoints";

    private final TaskCatalog catalog;
    private final ConfigLoader loader;
    private final StepComputer.Factory steps;

    @Inject
    public PretrainingRun(TaskCatalog catalog, ConfigLoader loader)
    {
        this(catalog, loader, StepComputer.Factory.LOCAL);
    }

    private PretrainingRun(TaskCatalog catalog, ConfigLoader loader, StepComputer.Factory steps)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.loader = requireNonNull(loader, "loader is null");
        this.steps = requireNonNull(steps, "steps is null");
    }

    /**
     * The same runs with each step's gradients computed by what {@code steps} makes (a cluster, say) instead of this
     * JVM's engine; checkpoints, metrics and resume are unchanged.
     */
    public PretrainingRun withSteps(StepComputer.Factory steps)
    {
        return new PretrainingRun(catalog, loader, steps);
    }

    /**
     * Trains until the schedule ends, {@code maxSteps} more steps are done, or {@code onSession}'s session is asked to
     * stop.
     *
     * @param onSession hears the session before training starts (to wire a stop request to a signal, say)
     */
    public RunOutcome run(ErnieConfig config, PreparedCorpus corpus, Path runDirectory, ResumeMode mode, long maxSteps,
            List<TrainingListener> listeners, Consumer<PretrainingSession> onSession)
    {
        return run(config, corpus, runDirectory, mode, maxSteps, listeners, onSession, false);
    }

    /**
     * Trains as {@link #run(ErnieConfig, PreparedCorpus, Path, ResumeMode, long, List, Consumer)} does, with the task
     * plugins of {@code plugins.directory} when one is configured: tasks found there join at step boundaries, also while
     * training runs, and jars removed take their tasks out of the rest of the schedule.
     *
     * @param waitForTasks when the schedule is done, keep waiting for new task jars until stopped
     */
    public RunOutcome run(ErnieConfig config, PreparedCorpus corpus, Path runDirectory, ResumeMode mode, long maxSteps,
            List<TrainingListener> listeners, Consumer<PretrainingSession> onSession, boolean waitForTasks)
    {
        requireNonNull(corpus, "corpus is null");
        try (ClaimedRun claimed = claim(config, runDirectory, mode)) {
            return claimed.run(corpus, maxSteps, listeners, onSession, waitForTasks);
        }
    }

    /**
     * Locks {@code runDirectory} and checks everything that does not need the corpus: the tasks and their settings
     * (with the plugins folder's), the plugins folder, and the checkpoint that {@code mode} needs or forbids, which is
     * loaded and verified here. Prepare the corpus after this, under the lock, and train with the claim.
     *
     * @throws ResumeModeException if the directory has no checkpoint to resume or has checkpoints a fresh run would ignore
     */
    public ClaimedRun claim(ErnieConfig config, Path runDirectory, ResumeMode mode)
    {
        requireNonNull(config, "config is null");
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(mode, "mode is null");
        RunLock lock = RunLock.acquire(runDirectory);
        try {
            checkTasks(config);
            CheckpointStore store = new CheckpointStore(runDirectory.resolve(CHECKPOINTS), config.training().keepCheckpoints());
            store.removeLeftovers();
            Optional<LoadedCheckpoint> checkpoint = existing(store, mode, runDirectory);
            // The corpus and vocabulary are compared once the corpus is ready; the rest cannot wait for it.
            checkpoint.ifPresent(found -> ResumeCheck.checkConfiguration(found, config.tasks().stream().map(TaskSection::name).toList(),
                    config.training().seed(), loader.resolved(config)));
            return new ClaimedRun(this, lock, config, runDirectory, checkpoint);
        }
        catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Checks the configuration's tasks and their settings, with the plugins folder's, as {@link #claim} does: for
     * commands that prepare a corpus before they claim a run directory.
     *
     * @throws ConfigException naming a task that no jar offers, or a plugins folder that is not one
     * @throws org.ernie4j.spi.InvalidSettingException naming a setting a task refuses or does not read
     */
    public void checkTasks(ErnieConfig config)
    {
        try (AvailableTasks available = AvailableTasks.of(requireNonNull(config, "config is null"), catalog, PretrainingTask.class.getClassLoader())) {
            StartCheck.tasks(config, available);
        }
    }

    /** Trains in a claimed run directory. */
    RunOutcome train(ErnieConfig config, PreparedCorpus corpus, Path runDirectory, Optional<LoadedCheckpoint> checkpoint, long maxSteps,
            List<TrainingListener> listeners, Consumer<PretrainingSession> onSession, boolean waitForTasks)
    {
        requireNonNull(corpus, "corpus is null");
        CheckpointStore store = new CheckpointStore(runDirectory.resolve(CHECKPOINTS), config.training().keepCheckpoints());
        long startStep = checkpoint.map(found -> found.manifest().step()).orElse(0L);
        if (checkpoint.isPresent() && config.training().initializeFrom() != null) {
            LOG.info("training.initialize-from is not used: the run continues from its own checkpoint");
        }
        writeConfig(config, runDirectory);
        try (MetricsLog metrics = MetricsLog.open(runDirectory.resolve(METRICS), startStep);
                EvaluationLog evaluations = EvaluationLog.open(runDirectory.resolve(EVALUATIONS), startStep);
                TaskEventLog taskEvents = TaskEventLog.open(runDirectory.resolve(TASK_EVENTS), startStep);
                Plugins plugins = plugins(config, taskEvents)) {
            SessionSetup setup = setup(config, corpus, runDirectory.resolve(CHECKPOINTS), plugins.catalog());
            SessionRequest request = checkpoint.isPresent()
                    ? SessionRequest.resume(setup, checkpoint.get()).withJoinedTasks(plugins::find)
                    : SessionRequest.start(setup).withInitialWeights(initialWeights(config, setup, corpus));
            try (PretrainingSession session = PretrainingSession.open(request.withSteps(steps))) {
                long startedAt = session.step();
                plugins.joinTasksFoundAtStart(session.tasks().stream().map(ActiveTask::name).toList());
                onSession.accept(session);
                List<TrainingListener> all = new ArrayList<>(listeners);
                all.add(metrics);
                all.add(evaluations);
                all.add(taskEvents);
                long completed = session.run(new RunOptions(all, maxSteps, plugins.changes(), waitForTasks));
                Map<String, Map<String, Long>> skips = new LinkedHashMap<>();
                for (ActiveTask task : session.tasks()) {
                    skips.put(task.name(), task.skipCounts());
                }
                List<Path> checkpoints = store.list();
                return new RunOutcome(startedAt, completed, session.schedule().length(),
                        checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1)), skips);
            }
        }
    }

    /** The class path's tasks, and those of the plugins folder when one is configured. */
    private Plugins plugins(ErnieConfig config, TaskEventLog taskEvents)
    {
        Optional<Path> directory = AvailableTasks.pluginsDirectory(config);
        if (directory.isEmpty()) {
            return new Plugins(catalog, null);
        }
        return new Plugins(catalog, new PluginTasks(directory.get(), config.plugins(), catalog, PretrainingTask.class.getClassLoader(),
                taskEvents::refused));
    }

    /** The tasks a run can use, with or without a plugins folder. */
    private record Plugins(TaskCatalog classPath, PluginTasks folder)
            implements AutoCloseable
    {
        TaskCatalog catalog()
        {
            return folder == null ? classPath : folder.catalog();
        }

        Optional<TaskSetup> find(String name)
        {
            return folder == null || !folder.catalog().tasks().containsKey(name) ? Optional.empty() : Optional.of(folder.setupOf(name));
        }

        void joinTasksFoundAtStart(List<String> runTasks)
        {
            if (folder != null) {
                folder.joinTasksFoundAtStart(runTasks);
            }
        }

        TaskChanges changes()
        {
            return folder == null ? TaskChanges.NONE : folder;
        }

        @Override
        public void close()
        {
            if (folder != null) {
                folder.close();
            }
        }
    }

    /** The session setup of a configuration over a prepared corpus, with the tasks of the class path. */
    public SessionSetup setup(ErnieConfig config, PreparedCorpus corpus, Path checkpoints)
    {
        return setup(config, corpus, checkpoints, catalog);
    }

    private SessionSetup setup(ErnieConfig config, PreparedCorpus corpus, Path checkpoints, TaskCatalog tasksAvailable)
    {
        List<TaskSetup> tasks = new ArrayList<>();
        for (int i = 0; i < config.tasks().size(); i++) {
            TaskSection section = config.tasks().get(i);
            tasks.add(new TaskSetup(tasksAvailable.get(section.name()), new MapTaskSettings("tasks[" + i + "].settings", section.settings())));
        }
        EvaluationSection evaluation = config.evaluation();
        return new SessionSetup(config.model().encoder(corpus.vocabulary().size()), config.training().settings(tasks.size()),
                config.schedule().spec(), new EvaluationSettings(evaluation.heldOut(), evaluation.examples(), evaluation.every()), tasks,
                corpus.documents(), corpus.vocabulary(), Optional.of(corpus.directory().resolve(corpus.manifest().vocabulary().file())),
                new CorpusIdentity(corpus.fingerprint(), corpus.manifest().vocabulary().sha256()),
                checkpoints, loader.resolved(config));
    }

    /**
     * The weights of {@code training.initialize-from} for a fresh run, checked against the run's model and vocabulary:
     * every difference is named at once, with the value to configure. Empty when the key is not set.
     */
    private static Map<String, INDArray> initialWeights(ErnieConfig config, SessionSetup setup, PreparedCorpus corpus)
    {
        String source = config.training().initializeFrom();
        if (source == null) {
            return Map.of();
        }
        PretrainedModel model;
        try {
            model = PretrainedModel.load(Path.of(source));
        }
        catch (IllegalArgumentException | CorruptCheckpointException e) {
            throw new ConfigException("training.initialize-from", e.getMessage());
        }
        List<String> problems = new ArrayList<>(model.differences(setup.encoder()));
        Vocabulary vocabulary = setup.vocabulary();
        if (vocabulary.size() == model.vocabulary().size()) {
            for (int id = 0; id < vocabulary.size(); id++) {
                if (!vocabulary.piece(id).equals(model.vocabulary().piece(id))) {
                    problems.add("the prepared corpus's vocabulary has '" + vocabulary.piece(id) + "' at id " + id + " where the model's has '"
                            + model.vocabulary().piece(id) + "' (prepare the corpus again with the model's vocab.txt)");
                    break;
                }
            }
        }
        TokenizerSettings prepared = corpus.manifest().settings().tokenization().settings();
        if (!prepared.splitsAs(model.vocabulary().settings())) {
            // A corpus prepared elsewhere (ernie prepare) with other settings would feed the model ids its tokenizer never gives.
            problems.add("the prepared corpus was split into pieces " + prepared + " where the model's tokenizer is " + model.vocabulary().settings()
                    + " (prepare the corpus again with the model's settings under vocabulary:)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("training.initialize-from", "cannot start from " + model.source() + ": " + String.join("; ", problems));
        }
        LOG.info("starting from the weights of {}", model.source());
        return model.parameters();
    }

    private static Optional<LoadedCheckpoint> existing(CheckpointStore store, ResumeMode mode, Path runDirectory)
    {
        boolean any = !store.list().isEmpty();
        if (mode == ResumeMode.FRESH && any) {
            throw new ResumeModeException("run directory " + runDirectory + " already holds checkpoints; resume it, or start the new run in"
                    + " another directory (nothing is deleted for you)");
        }
        if (mode == ResumeMode.FRESH || !any) {
            if (mode == ResumeMode.REQUIRED) {
                throw new ResumeModeException("run directory " + runDirectory + " has no checkpoint to resume from");
            }
            return Optional.empty();
        }
        Optional<LoadedCheckpoint> latest = store.latest();
        if (latest.isEmpty()) {
            throw new IllegalStateException("none of the checkpoints in " + store.directory() + " verifies (see the warnings above);"
                    + " nothing was overwritten");
        }
        LOG.info("continuing from {}", latest.get().directory());
        return latest;
    }

    private void writeConfig(ErnieConfig config, Path runDirectory)
    {
        try {
            Files.writeString(runDirectory.resolve("config.yaml"), "# The resolved configuration of this run (every default filled in).\n"
                    + loader.toYaml(config));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration into " + runDirectory, e);
        }
    }
}
