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

import org.ernie4j.core.checkpoint.CheckpointStore;
import org.ernie4j.core.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.EvaluationSection;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.evaluate.EvaluationSettings;
import org.ernie4j.core.prepare.PreparedCorpus;
import org.ernie4j.core.task.ActiveTask;
import org.ernie4j.core.task.ConfiguredTaskSettings;
import org.ernie4j.core.task.TaskCatalog;
import org.ernie4j.core.train.CorpusIdentity;
import org.ernie4j.core.train.PretrainingSession;
import org.ernie4j.core.train.RunLock;
import org.ernie4j.core.train.SessionSetup;
import org.ernie4j.core.train.TaskSetup;
import org.ernie4j.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;

import static java.util.Objects.requireNonNull;

/**
 * Runs pre-training in a run directory: locks it, writes the resolved configuration, starts or resumes the session,
 * logs metrics and held-out evaluations, and checkpoints as configured. The directory holds {@code config.yaml},
 * {@code metrics.jsonl}, {@code evaluations.jsonl}, {@code checkpoints/} and {@code run.lock}.
 */
public final class PretrainingRun
{
    private static final Logger LOG = LoggerFactory.getLogger(PretrainingRun.class);
    /** One JSON line per training step. */
    public static final String METRICS = "metrics.jsonl";
    /** One JSON line per task and held-out evaluation. */
    public static final String EVALUATIONS = "evaluations.jsonl";

    private final TaskCatalog catalog;
    private final ConfigLoader loader;

    @Inject
    public PretrainingRun(TaskCatalog catalog, ConfigLoader loader)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.loader = requireNonNull(loader, "loader is null");
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
        requireNonNull(config, "config is null");
        requireNonNull(corpus, "corpus is null");
        requireNonNull(runDirectory, "runDirectory is null");
        try (RunLock lock = RunLock.acquire(runDirectory)) {
            SessionSetup setup = setup(config, corpus, runDirectory.resolve("checkpoints"));
            CheckpointStore store = new CheckpointStore(setup.checkpoints(), setup.training().keepCheckpoints());
            Optional<LoadedCheckpoint> checkpoint = existing(store, mode, runDirectory);
            writeConfig(config, runDirectory);
            try (PretrainingSession session = checkpoint.isPresent()
                    ? PretrainingSession.resume(setup, checkpoint.get())
                    : PretrainingSession.start(setup);
                    MetricsLog metrics = MetricsLog.open(runDirectory.resolve(METRICS), session.step());
                    EvaluationLog evaluations = EvaluationLog.open(runDirectory.resolve(EVALUATIONS), session.step())) {
                long startedAt = session.step();
                onSession.accept(session);
                List<TrainingListener> all = new ArrayList<>(listeners);
                all.add(metrics);
                all.add(evaluations);
                long completed = session.step() < session.schedule().length() ? session.run(all, maxSteps) : session.step();
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

    /** The session setup of a configuration over a prepared corpus. */
    public SessionSetup setup(ErnieConfig config, PreparedCorpus corpus, Path checkpoints)
    {
        List<TaskSetup> tasks = new ArrayList<>();
        for (int i = 0; i < config.tasks().size(); i++) {
            TaskSection section = config.tasks().get(i);
            tasks.add(new TaskSetup(catalog.get(section.name()), new ConfiguredTaskSettings("tasks[" + i + "].settings", section.settings())));
        }
        EvaluationSection evaluation = config.evaluation();
        return new SessionSetup(config.model().encoder(corpus.vocabulary().size()), config.training().settings(tasks.size()),
                config.schedule().spec(), new EvaluationSettings(evaluation.heldOut(), evaluation.examples(), evaluation.every()), tasks,
                corpus.documents(), corpus.vocabulary(), new CorpusIdentity(corpus.fingerprint(), corpus.manifest().vocabulary().sha256()),
                checkpoints, loader.resolved(config));
    }

    private static Optional<LoadedCheckpoint> existing(CheckpointStore store, ResumeMode mode, Path runDirectory)
    {
        boolean any = !store.list().isEmpty();
        if (mode == ResumeMode.FRESH && any) {
            throw new IllegalStateException("run directory " + runDirectory + " already holds checkpoints; resume it, or start the new run in"
                    + " another directory (nothing is deleted for you)");
        }
        if (mode == ResumeMode.FRESH || !any) {
            if (mode == ResumeMode.REQUIRED) {
                throw new IllegalStateException("run directory " + runDirectory + " has no checkpoint to resume from");
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
