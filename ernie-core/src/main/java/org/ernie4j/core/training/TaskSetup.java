package org.ernie4j.core.training;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;

import static java.util.Objects.requireNonNull;

/**
 * A task of a run with its settings, in the run's order of introduction.
 */
public record TaskSetup(PretrainingTask task, MapTaskSettings settings)
{
    public TaskSetup
    {
        requireNonNull(task, "task is null");
        requireNonNull(settings, "settings is null");
    }

    public String name()
    {
        return task.info().name();
    }
}
