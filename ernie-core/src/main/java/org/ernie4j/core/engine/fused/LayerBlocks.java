package org.ernie4j.core.engine.fused;

import java.util.function.Function;

import static org.ernie4j.core.model.EncoderLayout.attention;
import static org.ernie4j.core.model.EncoderLayout.attentionNorm;
import static org.ernie4j.core.model.EncoderLayout.beta;
import static org.ernie4j.core.model.EncoderLayout.bias;
import static org.ernie4j.core.model.EncoderLayout.feedForwardIn;
import static org.ernie4j.core.model.EncoderLayout.feedForwardNorm;
import static org.ernie4j.core.model.EncoderLayout.feedForwardOut;
import static org.ernie4j.core.model.EncoderLayout.gamma;
import static org.ernie4j.core.model.EncoderLayout.weight;

/**
 * The blocks of one Transformer layer's parameters, or of their gradients, by role.
 */
final class LayerBlocks
{
    final FloatBlock queryWeight;
    final FloatBlock queryBias;
    final FloatBlock keyWeight;
    final FloatBlock keyBias;
    final FloatBlock valueWeight;
    final FloatBlock valueBias;
    final FloatBlock outputWeight;
    final FloatBlock outputBias;
    final FloatBlock attentionGamma;
    final FloatBlock attentionBeta;
    final FloatBlock inWeight;
    final FloatBlock inBias;
    final FloatBlock outWeight;
    final FloatBlock outBias;
    final FloatBlock feedForwardGamma;
    final FloatBlock feedForwardBeta;

    LayerBlocks(int layer, Function<String, FloatBlock> blocks)
    {
        queryWeight = blocks.apply(weight(attention(layer, "query")));
        queryBias = blocks.apply(bias(attention(layer, "query")));
        keyWeight = blocks.apply(weight(attention(layer, "key")));
        keyBias = blocks.apply(bias(attention(layer, "key")));
        valueWeight = blocks.apply(weight(attention(layer, "value")));
        valueBias = blocks.apply(bias(attention(layer, "value")));
        outputWeight = blocks.apply(weight(attention(layer, "output")));
        outputBias = blocks.apply(bias(attention(layer, "output")));
        attentionGamma = blocks.apply(gamma(attentionNorm(layer)));
        attentionBeta = blocks.apply(beta(attentionNorm(layer)));
        inWeight = blocks.apply(weight(feedForwardIn(layer)));
        inBias = blocks.apply(bias(feedForwardIn(layer)));
        outWeight = blocks.apply(weight(feedForwardOut(layer)));
        outBias = blocks.apply(bias(feedForwardOut(layer)));
        feedForwardGamma = blocks.apply(gamma(feedForwardNorm(layer)));
        feedForwardBeta = blocks.apply(beta(feedForwardNorm(layer)));
    }

    /** Zeroes the gradients that the backward pass accumulates row by row (biases and norms; weights are overwritten). */
    void zeroAccumulated()
    {
        for (FloatBlock block : new FloatBlock[] {queryBias, keyBias, valueBias, outputBias, attentionGamma, attentionBeta, inBias,
                outBias, feedForwardGamma, feedForwardBeta}) {
            block.zero();
        }
    }
}
