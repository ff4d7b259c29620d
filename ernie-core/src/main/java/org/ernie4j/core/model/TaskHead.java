package org.ernie4j.core.model;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.head.HeadSpec;

import static java.util.Objects.requireNonNull;

/**
 * A task as the model knows it: its name, its row in the task embedding, and its head.
 *
 * @param name the task's unique name
 * @param taskId the task embedding row, assigned in order of introduction
 * @param head what the task predicts
 */
@PublicApi
public record TaskHead(String name, int taskId, HeadSpec head)
{
    public TaskHead
    {
        requireNonNull(name, "name is null");
        requireNonNull(head, "head is null");
        if (taskId < 0) {
            throw new IllegalArgumentException("task id is negative: " + taskId);
        }
    }
}
