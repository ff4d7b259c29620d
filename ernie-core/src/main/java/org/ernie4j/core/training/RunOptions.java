package org.ernie4j.core.training;

import java.util.List;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * How far a {@link PretrainingSession#run} trains and who hears about it.
 *
 * @param maxSteps train at most this many more steps (and to the end of the schedule at most); {@link Long#MAX_VALUE}
 *         for no limit
 * @param changes where tasks that join or leave come from; the session takes them at step boundaries
 * @param waitForTasks when the schedule is done, wait for new tasks instead of returning (until a stop request)
 */
@PublicApi
public record RunOptions(List<TrainingListener> listeners, long maxSteps, TaskChanges changes, boolean waitForTasks)
{
    public RunOptions
    {
        listeners = List.copyOf(requireNonNull(listeners, "listeners is null"));
        requireNonNull(changes, "changes is null");
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must not be negative: " + maxSteps);
        }
    }

    /** To the end of the schedule, with the tasks the session has, telling {@code listeners}. */
    public static RunOptions of(List<TrainingListener> listeners)
    {
        return new RunOptions(listeners, Long.MAX_VALUE, TaskChanges.NONE, false);
    }

    public RunOptions withMaxSteps(long steps)
    {
        return new RunOptions(listeners, steps, changes, waitForTasks);
    }

    public RunOptions withChanges(TaskChanges taskChanges)
    {
        return new RunOptions(listeners, maxSteps, taskChanges, waitForTasks);
    }

    public RunOptions waitingForTasks(boolean wait)
    {
        return new RunOptions(listeners, maxSteps, changes, wait);
    }
}
