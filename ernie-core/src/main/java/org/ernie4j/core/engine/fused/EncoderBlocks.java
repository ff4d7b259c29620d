package org.ernie4j.core.engine.fused;

import java.util.function.Function;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;

/**
 * The blocks of the encoder's parameters, or of their gradients, by role: embeddings, layers and pooler.
 */
final class EncoderBlocks
{
    final FloatBlock token;
    final FloatBlock position;
    final FloatBlock segment;
    final FloatBlock task;
    final FloatBlock normGamma;
    final FloatBlock normBeta;
    final LayerBlocks[] layers;
    final FloatBlock poolerWeight;
    final FloatBlock poolerBias;

    EncoderBlocks(EncoderConfig config, Function<String, FloatBlock> blocks)
    {
        token = blocks.apply(EncoderLayout.TOKEN_EMBEDDING);
        position = blocks.apply(EncoderLayout.POSITION_EMBEDDING);
        segment = blocks.apply(EncoderLayout.SEGMENT_EMBEDDING);
        task = blocks.apply(EncoderLayout.TASK_EMBEDDING);
        normGamma = blocks.apply(EncoderLayout.gamma(EncoderLayout.EMBEDDING_NORM));
        normBeta = blocks.apply(EncoderLayout.beta(EncoderLayout.EMBEDDING_NORM));
        layers = new LayerBlocks[config.layers()];
        for (int layer = 0; layer < layers.length; layer++) {
            layers[layer] = new LayerBlocks(layer, blocks);
        }
        poolerWeight = blocks.apply(EncoderLayout.weight(EncoderLayout.POOLER));
        poolerBias = blocks.apply(EncoderLayout.bias(EncoderLayout.POOLER));
    }
}
