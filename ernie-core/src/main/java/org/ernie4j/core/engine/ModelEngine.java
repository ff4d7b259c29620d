package org.ernie4j.core.engine;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.TaskHead;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Executes the model: the loss and gradients of one batch for one task, and forward passes. The model itself (the
 * configuration, the parameters and the task heads) lives outside the engine; an engine only reads the parameter arrays
 * and never updates them. Applying an update, and choosing the next batch, are someone else's job: that keeps a step
 * separable for data-parallel drivers that average gradients between machines.
 */
@PublicApi
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

    /**
     * The head's logits for one batch without dropout: {@code [examples, classes]} for a sequence head,
     * {@code [examples * length, classes]} for a token head.
     */
    default INDArray logits(TaskHead task, Batch batch)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not compute logits");
    }

    /**
     * The encoder's outputs for a batch without dropout, with the task embedding of {@code taskId}: every position's
     * vector and the pooled first token's. Close the outputs when done with them (see {@link EncoderOutputs}).
     */
    default EncoderOutputs encode(Batch batch, int taskId)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run the encoder alone");
    }

    @Override
    void close();
}
