package org.ernie4j.core.training;

import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link PretrainingSession} is opened for: a new run of {@code setup}, or the run a checkpoint of it belongs to,
 * continued exactly where the checkpoint stood.
 *
 * @param checkpoint the checkpoint to continue from; empty for a new run
 * @param joinedTasks when resuming, finds the tasks that joined the run while it trained (plugins): the configuration
 *         does not name them, and a missing one is an error that names it and where it came from
 * @param initialWeights for a new run, pre-trained weights (an imported BERT, an earlier run): every encoder parameter
 *         comes from them, and so does the head of each configured task whose head parameters they hold under that
 *         task's name (an imported masked-LM head, say); every other head starts from the seed, and the optimizer and
 *         schedule start fresh. Empty: everything from the seed
 * @param steps makes what computes the steps: this JVM's engine, or a cluster. Where a checkpoint's steps were computed
 *         does not matter: it holds the same parameters, optimizer state and data positions either way
 */
@PublicApi
public record SessionRequest(SessionSetup setup, Optional<LoadedCheckpoint> checkpoint, TaskSource joinedTasks,
        Map<String, INDArray> initialWeights, StepComputer.Factory steps)
{
    public SessionRequest
    {
        requireNonNull(setup, "setup is null");
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(joinedTasks, "joinedTasks is null");
        initialWeights = Map.copyOf(requireNonNull(initialWeights, "initialWeights is null"));
        requireNonNull(steps, "steps is null");
        if (checkpoint.isPresent() && !initialWeights.isEmpty()) {
            throw new IllegalArgumentException("a resumed run continues from its checkpoint's weights; initial weights are for a new run");
        }
    }

    /** A new run, its parameters from the seed, its steps computed in this JVM. */
    public static SessionRequest start(SessionSetup setup)
    {
        return new SessionRequest(setup, Optional.empty(), TaskSource.NONE, Map.of(), StepComputer.Factory.LOCAL);
    }

    /** The run {@code checkpoint} belongs to, with the configuration's tasks only, its steps computed in this JVM. */
    public static SessionRequest resume(SessionSetup setup, LoadedCheckpoint checkpoint)
    {
        return new SessionRequest(setup, Optional.of(requireNonNull(checkpoint, "checkpoint is null")), TaskSource.NONE, Map.of(),
                StepComputer.Factory.LOCAL);
    }

    /** This request with the tasks that joined the run found through {@code tasks}. */
    public SessionRequest withJoinedTasks(TaskSource tasks)
    {
        return new SessionRequest(setup, checkpoint, tasks, initialWeights, steps);
    }

    /** This request starting from {@code weights}. */
    public SessionRequest withInitialWeights(Map<String, INDArray> weights)
    {
        return new SessionRequest(setup, checkpoint, joinedTasks, weights, steps);
    }

    /** This request with its steps computed by what {@code factory} makes. */
    public SessionRequest withSteps(StepComputer.Factory factory)
    {
        return new SessionRequest(setup, checkpoint, joinedTasks, initialWeights, factory);
    }
}
