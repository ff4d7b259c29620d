package org.ernie4j.core.training;

import static java.util.Objects.requireNonNull;

/**
 * A change to the tasks of a running session, applied at a step boundary.
 */
public sealed interface TaskChange
{
    /** A task joins as the newest stage. */
    record Join(TaskSetup task, String origin)
            implements TaskChange
    {
        public Join
        {
            requireNonNull(task, "task is null");
            requireNonNull(origin, "origin is null");
        }
    }

    /** A task leaves the schedule; its id and head stay in the model and its checkpoints. */
    record Retire(String task, String reason)
            implements TaskChange
    {
        public Retire
        {
            requireNonNull(task, "task is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
