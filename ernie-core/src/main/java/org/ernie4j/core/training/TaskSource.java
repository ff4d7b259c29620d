package org.ernie4j.core.training;

import java.util.Optional;

/**
 * Finds the tasks a checkpoint names that the configuration does not: tasks that joined a run as plugins. A resumed
 * run needs them again.
 */
@FunctionalInterface
public interface TaskSource
{
    /** Nothing but the configuration's tasks. */
    TaskSource NONE = name -> Optional.empty();

    Optional<TaskSetup> find(String name);
}
