package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;

/**
 * The pooler, {@code tanh(first W + b)} of each sequence's first position, and its backward pass. The first positions
 * are read straight from the sequence output with a leading dimension of one whole sequence.
 */
final class PoolerPass
{
    private final EncoderConfig config;
    private final EncoderBlocks parameters;
    private final Activations activations;
    private FloatBlock pooled = FloatBlock.allocate(0);
    private FloatBlock gradient = FloatBlock.allocate(0);

    PoolerPass(EncoderConfig config, EncoderBlocks parameters, Activations activations)
    {
        this.config = config;
        this.parameters = parameters;
        this.activations = activations;
    }

    void ensure(int sequences)
    {
        long needed = (long) sequences * config.hidden();
        if (pooled.length() < needed) {
            pooled = FloatBlock.allocate(needed);
            gradient = FloatBlock.allocate(needed);
        }
    }

    /** The pooled outputs, {@code [sequences, hidden]}. */
    FloatBlock pooled()
    {
        return pooled;
    }

    /** Where the gradient of the pooled outputs goes before {@link #backward}, {@code [sequences, hidden]}. */
    FloatBlock gradient()
    {
        return gradient;
    }

    void forward(Shard shard, Worker worker)
    {
        int h = config.hidden();
        long sequenceStride = (long) shard.length() * h;
        FloatBlock output = activations.hidden[config.layers()];
        long at = (long) shard.firstSequence() * h;
        // The pre-activation goes into the gradient buffer, free until the backward pass.
        worker.gemm.multiply(false, false, shard.sequences(), h, h, 1f, output, shard.firstSequence() * sequenceStride,
                (int) sequenceStride, parameters.poolerWeight, 0, h, 0f, gradient, at, h);
        ActivationKernel.tanhForward(shard.sequences(), h, gradient, at, parameters.poolerBias, pooled, at);
    }

    /**
     * From the gradient of the pooled outputs in {@link #gradient()}: the pooler's gradients, and the gradient of the
     * sequence output, added to {@code gradientOut} (whose shard rows are zeroed first if {@code replace}: only first
     * positions get a gradient through the pooler).
     */
    void backward(Shard shard, Worker worker, FloatBlock gradientOut, boolean replace)
    {
        int h = config.hidden();
        int sequences = shard.sequences();
        long sequenceStride = (long) shard.length() * h;
        long at = (long) shard.firstSequence() * h;
        EncoderBlocks grads = worker.encoderGradients();
        grads.poolerBias.zero();
        ActivationKernel.tanhBackward(sequences, h, pooled, at, gradient, at, grads.poolerBias);
        FloatBlock output = activations.hidden[config.layers()];
        worker.gemm.multiply(true, false, h, h, sequences, 1f, output, shard.firstSequence() * sequenceStride, (int) sequenceStride,
                gradient, at, h, 0f, grads.poolerWeight, 0, h);
        if (replace) {
            Kernels.zero(gradientOut, (long) shard.firstRow() * h, (long) shard.rows() * h);
        }
        worker.gemm.multiply(false, true, sequences, h, h, 1f, gradient, at, h, parameters.poolerWeight, 0, h, 1f,
                gradientOut, shard.firstSequence() * sequenceStride, (int) sequenceStride);
    }
}
