package org.ernie4j.core.engine.fused;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A standard head over the encoder's sequence output: its forward pass and loss for a shard, and its backward pass into
 * the gradient of the sequence output.
 */
interface HeadPass
{
    /** Makes room for a batch; called before the workers start. */
    void ensure(StepInputs inputs, HeadTargets targets);

    /**
     * The head's forward pass and loss for the shard, added to the worker's tally; with {@code training}, also the
     * gradient of the logits (kept for {@link #backward}).
     */
    void forward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, boolean training);

    /**
     * The shard's logits without any loss: for {@link #logits}. Only classification heads have them; a masked-token head's
     * logits span the vocabulary for every position and nobody asks for them.
     */
    default void forwardLogits(Shard shard, StepInputs inputs, Worker worker)
    {
        throw new UnsupportedOperationException("the fused engine gives the logits of classification heads only");
    }

    /** The logits {@link #forwardLogits} wrote for the whole batch, as a new array. */
    default INDArray logits(StepInputs inputs)
    {
        throw new UnsupportedOperationException("the fused engine gives the logits of classification heads only");
    }

    /** The gradients of the head's parameters and of the sequence output's shard rows, written to {@code gradientOut}. */
    void backward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, FloatBlock gradientOut);

    /** Whether {@link #backward} has written the token embedding's gradient (a tied output layer). */
    boolean writesTokenGradient();

    /** The names of the parameters whose gradients the head produces, encoder parameters included (the pooler). */
    List<String> parameterNames();
}
