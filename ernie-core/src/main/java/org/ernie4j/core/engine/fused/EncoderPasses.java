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
