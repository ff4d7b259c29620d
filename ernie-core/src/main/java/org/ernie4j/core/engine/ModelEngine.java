package org.ernie4j.core.engine;

import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.example.Batch;

/**
 * Executes the model: the loss and gradients of one batch for one task, and forward passes. The model itself (the
 * configuration, the parameters and the task heads) lives outside the engine; an engine only reads the parameter arrays
 * and never updates them. Applying an update, and choosing the next batch, are someone else's job: that keeps a step
 * separable for data-parallel drivers that average gradients between machines.
 */
public interface ModelEngine
        extends AutoCloseable
{
    /**
     * The loss, accuracy and gradients of every parameter the task touches, for one batch in training mode (with
     * dropout drawn from {@code dropoutSeed}). The gradient arrays may belong to the engine and be overwritten by its next
     * call: use or copy them before that.
     */
    StepResult gradients(TaskHead task, Batch batch, long dropoutSeed);

    /** The loss and accuracy of one batch without dropout and without gradients. */
    Evaluation evaluate(TaskHead task, Batch batch);

    @Override
    void close();
}
