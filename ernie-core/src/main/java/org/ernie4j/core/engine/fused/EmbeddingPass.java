package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;

/**
 * The embedding sum {@code token[id] + segment[s] + task[k] + position[t]}, its layer norm and dropout, and backwards
 * the norm's gradients and the four tables' gradients (rows added where ids repeat).
 */
final class EmbeddingPass
{
    private final EncoderConfig config;
    private final EncoderBlocks parameters;
    private final Activations activations;
    private final MaskSet masks;
    private final float epsilon;

    EmbeddingPass(EncoderConfig config, EncoderBlocks parameters, Activations activations, MaskSet masks)
    {
        this.config = config;
        this.parameters = parameters;
        this.activations = activations;
        this.masks = masks;
        this.epsilon = (float) config.layerNormEpsilon();
    }

    void forward(Shard shard, StepInputs inputs, Worker worker)
    {
        forward(shard.firstRow(), shard.rows(), inputs, worker);
    }

    /** Rows {@code first .. first + rows - 1} of the batch; each row is its own, so rows can be split at any point. */
    void forward(int first, int rows, StepInputs inputs, Worker worker)
    {
        int h = config.hidden();
        FloatBlock sum = activations.embeddingXhat;
        FloatBlock mask = masks.mask(MaskSet.embeddingMask(), inputs.training());
        FloatBlock output = activations.hidden[0];
        int[] ids = inputs.inputIds();
        int[] segments = inputs.segmentIds();
        long taskRow = (long) inputs.taskId() * h;
        for (int row = first; row < first + rows; row++) {
            long at = (long) row * h;
            int position = row % inputs.length();
            // The same order of additions as the graph's engine: token, segment, task, position.
            sum.copyFrom(parameters.token, ids[row] * h, (int) at, h);
            Kernels.add(sum, at, parameters.segment, (long) segments[row] * h, h);
            Kernels.add(sum, at, parameters.task, taskRow, h);
            Kernels.add(sum, at, parameters.position, (long) position * h, h);
            float inverse = LayerNormKernel.normalize(h, epsilon, sum, at, parameters.normGamma, parameters.normBeta, output, at, mask, at);
            activations.embeddingInverse.set(row, inverse);
        }
        worker.timer.stop(Op.EMBEDDINGS_FORWARD);
    }

    /**
     * From the gradient of the first layer's input, the gradients of the norm and of the four tables. The token table's
     * gradient is zeroed first unless {@code tokenGradientStarted} (a tied output layer has already written it).
     */
    void backward(Shard shard, StepInputs inputs, FloatBlock gradient, Worker worker, boolean tokenGradientStarted)
    {
        int h = config.hidden();
        EncoderBlocks grads = worker.encoderGradients();
        if (!tokenGradientStarted) {
            grads.token.zero();
        }
        grads.position.zero();
        grads.segment.zero();
        grads.task.zero();
        grads.normGamma.zero();
        grads.normBeta.zero();
        FloatBlock mask = masks.mask(MaskSet.embeddingMask(), inputs.training());
        FloatBlock dy = worker.row();
        FloatBlock dz = worker.row2();
        int[] ids = inputs.inputIds();
        int[] segments = inputs.segmentIds();
        long taskRow = (long) inputs.taskId() * h;
        for (int row = shard.firstRow(); row < shard.firstRow() + shard.rows(); row++) {
            long at = (long) row * h;
            if (mask != null) {
                Kernels.multiply(dy, 0, gradient, at, mask, at, h);
            }
            else {
                dy.copyFrom(gradient, (int) at, 0, h);
            }
            LayerNormKernel.backward(h, dy, 0, activations.embeddingXhat, at, activations.embeddingInverse.get(row), parameters.normGamma,
                    grads.normGamma, grads.normBeta, dz, 0, null, 0, null, 0, null);
            Kernels.add(grads.token, (long) ids[row] * h, dz, 0, h);
            Kernels.add(grads.segment, (long) segments[row] * h, dz, 0, h);
            Kernels.add(grads.task, taskRow, dz, 0, h);
            Kernels.add(grads.position, (long) (row % inputs.length()) * h, dz, 0, h);
        }
        worker.timer.stop(Op.EMBEDDINGS_BACKWARD);
    }
}
