package org.ernie4j.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.RunLock;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.training.PretrainingSession;
import org.ernie4j.core.training.TrainingListener;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;

import static java.util.Objects.requireNonNull;

/**
 * A run directory locked for one run whose configuration, tasks and resume mode have been checked, waiting for its
 * corpus: what {@link PretrainingRun#claim} gives, so that the corpus is prepared under the lock and only after every
 * check that does not need it. Closing it releases the lock.
 */
@PublicApi
public final class ClaimedRun
        implements AutoCloseable
{
    private final PretrainingRun run;
    private final RunLock lock;
    private final ErnieConfig config;
    private final Path runDirectory;
    private final Optional<LoadedCheckpoint> checkpoint;

    ClaimedRun(PretrainingRun run, RunLock lock, ErnieConfig config, Path runDirectory, Optional<LoadedCheckpoint> checkpoint)
    {
        this.run = requireNonNull(run, "run is null");
        this.lock = requireNonNull(lock, "lock is null");
        this.config = requireNonNull(config, "config is null");
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
        this.checkpoint = requireNonNull(checkpoint, "checkpoint is null");
    }

    /** Whether the run continues from a checkpoint of its directory. */
    public boolean resumes()
    {
        return checkpoint.isPresent();
    }

    /**
     * Trains on {@code corpus} as {@link PretrainingRun#run(ErnieConfig, PreparedCorpus, Path, ResumeMode, long, List, Consumer, boolean)}
     * describes.
     */
    public RunOutcome run(PreparedCorpus corpus, long maxSteps, List<TrainingListener> listeners, Consumer<PretrainingSession> onSession,
            boolean waitForTasks)
    {
        return run.train(config, corpus, runDirectory, checkpoint, maxSteps, listeners, onSession, waitForTasks);
    }

    @Override
    public void close()
    {
        lock.close();
    }
}
