package org.ernie4j.spi;

import org.ernie4j.spi.head.HeadSpec;

/**
 * A pre-training task: how to make labelled examples from raw annotated text, and what the model predicts for them.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: a plugin jar lists its implementation classes in
 * {@code META-INF/services/org.ernie4j.spi.PretrainingTask}. An implementation needs a public no-argument constructor and
 * should hold no mutable state; everything that depends on the run (settings, vocabulary, the task id) arrives through
 * the {@link TaskContext}.
 *
 * <p>The core calls {@link #head(TaskContext)} and {@link #labels(TaskContext)} once each when the task joins a run,
 * before any training step. A task should read all of its settings in these two calls: any setting the task did not read
 * is reported to the user as an unknown key.
 */
public interface PretrainingTask
{
    /**
     * The task's unique name, family and description.
     */
    TaskInfo info();

    /**
     * What the model predicts for this task and with which loss. May depend on settings (the number of classes, say).
     */
    HeadSpec head(TaskContext context);

    /**
     * The generator of this task's examples for a run. Called once per run; the generator may be used from one thread
     * at a time and must be deterministic for a given document and random source.
     */
    LabelGenerator labels(TaskContext context);
}
