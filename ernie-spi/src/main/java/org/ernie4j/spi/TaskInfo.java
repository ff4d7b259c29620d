package org.ernie4j.spi;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The identity of a task: a unique name used in configuration and checkpoints, its family, and a one-line description.
 *
 * @param name lower-case words joined by hyphens, such as {@code knowledge-masking}; unique among the tasks of a run
 * @param family the paper's grouping of the task
 * @param description one line for {@code ernie tasks}
 */
public record TaskInfo(String name, TaskFamily family, String description)
{
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public TaskInfo
    {
        requireNonNull(name, "name is null");
        requireNonNull(family, "family is null");
        requireNonNull(description, "description is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "task name '" + name + "' must be lower-case words joined by hyphens, such as 'knowledge-masking'");
        }
    }
}
