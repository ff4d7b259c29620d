package org.ernie4j.core.training;

import java.nio.file.Path;
import java.time.Instant;

import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.support.Versions;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.TrainingSnapshot;

import static java.util.Objects.requireNonNull;

/**
 * Writes a session's checkpoints: the parameters, the optimizer's state, the task table, schedule events and data
 * positions, the configuration, and where the checkpoint came from (versions, corpus and vocabulary).
 */
final class CheckpointWriter
        implements Trainer.Checkpointer
{
    private final SessionSetup setup;
    private final CheckpointStore store;
    private final ModelParameters parameters;
    private final Optimizer optimizer;
    private final TaskRoster roster;

    CheckpointWriter(SessionSetup setup, ModelParameters parameters, Optimizer optimizer, TaskRoster roster)
    {
        this.setup = requireNonNull(setup, "setup is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        this.roster = requireNonNull(roster, "roster is null");
        this.store = new CheckpointStore(setup.checkpoints(), setup.training().keepCheckpoints());
    }

    /** Writes the state after {@code completed} steps; returns the checkpoint's directory. */
    @Override
    public Path save(long completed)
    {
        CheckpointManifest.Provenance provenance = new CheckpointManifest.Provenance(Versions.ernie4j(), Versions.nd4j(),
                System.getProperty("java.version"), Instant.now().toString(), setup.corpus().corpusFingerprint(),
                setup.corpus().vocabularySha256());
        return store.write(new TrainingSnapshot(completed, setup.training().seed(), parameters, optimizer.state(), roster.records(),
                roster.events(), roster.positions(), setup.resolvedConfig(), provenance, setup.vocabularyFile()));
    }

    CheckpointStore store()
    {
        return store;
    }
}
