package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;

/**
 * The encoder over one shard: embeddings and every layer forward; backwards from the gradient of the sequence output
 * (in {@link Activations#gradientA}) through every layer to the embedding tables.
 */
final class EncoderPasses
{
    private final EncoderConfig config;
    private final Activations activations;
    private final EmbeddingPass embeddings;
    private final LayerPass layers;

    EncoderPasses(EncoderConfig config, EncoderBlocks parameters, Activations activations, MaskSet masks)
    {
        this.config = config;
        this.activations = activations;
        this.embeddings = new EmbeddingPass(config, parameters, activations, masks);
        this.layers = new LayerPass(config, parameters, activations, masks);
    }

    /** Brings the layers' packed copies of the parameters up to date; call before each step's passes. */
    void prepare()
    {
        layers.packWeights();
    }

    void forward(Shard shard, StepInputs inputs, Worker worker)
    {
        embeddings.forward(shard, inputs, worker);
        for (int layer = 0; layer < config.layers(); layer++) {
            layers.forward(layer, shard, inputs, worker);
        }
    }

    /**
     * Worker {@code part}'s share of a forward pass over the whole batch split within its sequences, which all
     * {@code parts} workers run at once: an even share of the rows for the embeddings and the token-wise parts of every
     * layer (products, norms, GELU), and an even share of the (sequence, head) pairs for attention. Attention reads every
     * row of a sequence and the rows read every head's context, so the workers wait for each other before and after it:
     * two waits per layer. The shares are contiguous, so each worker writes only its own rows and its own heads' scores
     * and context columns, as a shard's worker does.
     */
    void forwardPart(int part, int parts, StepInputs inputs, Worker worker, WorkerBarrier barrier)
    {
        int first = share(inputs.rows(), part, parts);
        int rows = share(inputs.rows(), part + 1, parts) - first;
        int pairs = inputs.size() * config.heads();
        int firstPair = share(pairs, part, parts);
        int endPair = share(pairs, part + 1, parts);
        embeddings.forward(first, rows, inputs, worker);
        for (int layer = 0; layer < config.layers(); layer++) {
            layers.project(layer, first, rows, worker);
            barrier.await();
            worker.timer.stop(Op.SPLIT_WAIT);
            layers.attend(layer, firstPair, endPair, inputs, worker);
            barrier.await();
            worker.timer.stop(Op.SPLIT_WAIT);
            layers.finish(layer, first, rows, inputs, worker);
        }
    }

    /** Where part {@code part} of {@code total} items split as evenly as possible over {@code parts} starts. */
    private static int share(int total, int part, int parts)
    {
        return (int) ((long) total * part / parts);
    }

    /** The backward pass; the token table's gradient is zeroed first unless a tied output layer has started it. */
    void backward(Shard shard, StepInputs inputs, Worker worker, boolean tokenGradientStarted)
    {
        FloatBlock gradientOut = activations.gradientA;
        FloatBlock gradientIn = activations.gradientB;
        for (int layer = config.layers() - 1; layer >= 0; layer--) {
            layers.backward(layer, shard, inputs, worker, gradientOut, gradientIn);
            FloatBlock swap = gradientOut;
            gradientOut = gradientIn;
            gradientIn = swap;
        }
        embeddings.backward(shard, inputs, gradientOut, worker, tokenGradientStarted);
    }
}
