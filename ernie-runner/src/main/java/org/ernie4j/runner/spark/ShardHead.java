package org.ernie4j.runner.spark;

import java.io.Serializable;

import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;

import static java.util.Objects.requireNonNull;

/**
 * A task's head as it travels to a worker: the declarative heads only. A custom head is SameDiff code from a plugin jar
 * that a worker would have to load too; the Spark mode refuses it rather than ship plugin class loaders around.
 */
final class ShardHead
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private enum Kind
    {
        SEQUENCE, TOKENS, MASKED
    }

    private final String name;
    private final int taskId;
    private final Kind kind;
    private final int classes;
    private final float[] classWeights;

    private ShardHead(String name, int taskId, Kind kind, int classes, float[] classWeights)
    {
        this.name = name;
        this.taskId = taskId;
        this.kind = kind;
        this.classes = classes;
        this.classWeights = classWeights;
    }

    /** @throws UnsupportedOperationException for a custom head */
    static ShardHead of(TaskHead task)
    {
        requireNonNull(task, "task is null");
        HeadSpec head = task.head();
        if (head instanceof SequenceClassificationHead sequence) {
            return new ShardHead(task.name(), task.taskId(), Kind.SEQUENCE, sequence.numClasses(), sequence.classWeights().orElse(null));
        }
        if (head instanceof TokenClassificationHead token) {
            return new ShardHead(task.name(), task.taskId(), Kind.TOKENS, token.numClasses(), token.classWeights().orElse(null));
        }
        if (head instanceof MaskedTokenHead) {
            return new ShardHead(task.name(), task.taskId(), Kind.MASKED, 0, null);
        }
        throw new UnsupportedOperationException("task " + task.name() + " has a custom head, which the Spark mode cannot ship to workers;"
                + " train it without --spark");
    }

    TaskHead toTaskHead()
    {
        HeadSpec head = switch (kind) {
            case SEQUENCE -> classWeights == null ? SequenceClassificationHead.of(classes) : SequenceClassificationHead.weighted(classWeights);
            case TOKENS -> classWeights == null ? TokenClassificationHead.of(classes) : TokenClassificationHead.weighted(classWeights);
            case MASKED -> MaskedTokenHead.create();
        };
        return new TaskHead(name, taskId, head);
    }
}
