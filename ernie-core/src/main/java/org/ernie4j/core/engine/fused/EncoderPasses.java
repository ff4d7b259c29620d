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
     * One worker's work in a forward pass over the whole batch split within its sequences, which all workers run at
     * once: the rows (for the embeddings and the token-wise parts of every layer: products, norms, GELU) and the
     * (sequence, head) pairs (for attention) are cut into {@code parts.shares()} even, contiguous shares, and the workers
     * take them part by part (see {@link SharedParts}). Attention reads every row of a sequence and the rows read every
     * head's context, so a layer is two parts; the token-wise work from one attention to the next is one. Each share
     * writes only its own rows, or its own heads' scores and context columns, as a shard's worker does.
     */
    void forwardShares(StepInputs inputs, Worker worker, SharedParts parts)
    {
        int shares = parts.shares();
        int rows = inputs.rows();
        int pairs = inputs.size() * config.heads();
        parts.run(0, s -> {
            int first = share(rows, s, shares);
            int count = share(rows, s + 1, shares) - first;
            embeddings.forward(first, count, inputs, worker);
            layers.project(0, first, count, worker);
        });
        for (int layer = 0; layer < config.layers(); layer++) {
            int current = layer;
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(2 * layer + 1, s -> layers.attend(current, share(pairs, s, shares), share(pairs, s + 1, shares), inputs, worker));
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(2 * layer + 2, s -> {
                int first = share(rows, s, shares);
                int count = share(rows, s + 1, shares) - first;
                layers.finish(current, first, count, inputs, worker);
                if (current + 1 < config.layers()) {
                    layers.project(current + 1, first, count, worker);
                }
            });
        }
    }

    /** The parts of {@link #forwardShares}: the embeddings with the first projections, then two per layer. */
    int sharedParts()
    {
        return 1 + 2 * config.layers();
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
