package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;

/**
 * Every activation of the encoder that the backward pass reads, for a whole batch, plus the backward pass's working
 * buffers. Rows are numbered {@code sequence * length + position}, so each worker's shard is a contiguous range. The
 * buffers grow to the largest batch seen and are then reused for every step.
 *
 * <p>For forward passes only, nothing is kept for a backward pass: every layer works in the same buffers, the layers'
 * inputs and outputs take turns in two, and there are no gradient buffers. A forward-only pass at batch 32 x 128 of a
 * MiniLM-sized model then needs about a seventh of the memory.
 *
 * <p>Two activations are not kept whole even for training, because recomputing them costs little next to the memory
 * they take. The GELU's output (as large as its input) is recomputed from its input by the backward pass, a layer at a
 * time. The attention probabilities ({@code heads x length} floats per row, which outgrow every other activation as
 * inputs get longer) are kept only while they take no more room than the feed-forward's pre-activation, {@code heads x
 * length <= intermediate} (the reference shape at 128 pieces, MiniLM's up to 128); beyond that each head's are
 * recomputed in the backward pass from its queries and keys, one head at a time in a worker's scratch square, which
 * costs one more product of the head's size per head (about 2% of a step at hidden 512 and 512 pieces) and saves
 * {@code layers x heads x length^2} floats per sequence (a gigabyte at batch 32 there).
 */
final class Activations
{
    private final EncoderConfig config;
    private final boolean forwardOnly;
    private int rowCapacity;
    private long scoreCapacity;

    /** {@code hidden[l]} is the input of layer {@code l}; {@code hidden[layers]} the sequence output. */
    FloatBlock[] hidden;
    /** Query, key and value side by side, {@code [rows, 3 * hidden]}. */
    FloatBlock[] queryKeyValue;
    /** Attention probabilities, {@code [sequence, head, query, key]}, while {@link #keepsProbabilities} (else empty). */
    FloatBlock[] probabilities;
    FloatBlock[] context;
    FloatBlock[] attentionNormed;
    FloatBlock[] attentionXhat;
    FloatBlock[] attentionInverse;
    /** The feed-forward pre-activation, bias included, {@code [rows, intermediate]}; forward only, the GELU's output. */
    FloatBlock[] intermediate;
    /**
     * The GELU's output of the layer being computed, {@code [rows, intermediate]}: the backward pass recomputes it, and
     * uses the same buffer for {@link #gradientIntermediate} once it is done with it. Empty for forward passes only.
     */
    FloatBlock activated;
    FloatBlock[] outputXhat;
    FloatBlock[] outputInverse;
    FloatBlock embeddingXhat;
    FloatBlock embeddingInverse;
    /** A dense layer's output before its bias, consumed right away by the residual norm. */
    FloatBlock branch;

    FloatBlock gradientA;
    FloatBlock gradientB;
    FloatBlock gradientResidual;
    FloatBlock gradientBranch;
    FloatBlock gradientContext;
    FloatBlock gradientQueryKeyValue;
    FloatBlock gradientIntermediate;

    Activations(EncoderConfig config, boolean forwardOnly)
    {
        this.config = config;
        this.forwardOnly = forwardOnly;
    }

    /** Makes room for a batch of {@code sequences} sequences of {@code length} positions. */
    void ensure(int sequences, int length)
    {
        int rows = sequences * length;
        long scores = keepsProbabilities(length) ? (long) sequences * config.heads() * length * length : 0;
        if (rows <= rowCapacity && scores <= scoreCapacity) {
            return;
        }
        rowCapacity = Math.max(rows, rowCapacity);
        scoreCapacity = Math.max(scores, scoreCapacity);
        allocate();
    }

    private void allocate()
    {
        int layers = config.layers();
        long h = (long) rowCapacity * config.hidden();
        long f = (long) rowCapacity * config.intermediate();
        hidden = forwardOnly ? alternating(layers + 1, h) : blocks(layers + 1, h);
        queryKeyValue = blocks(layers, 3 * h);
        probabilities = forwardOnly ? new FloatBlock[0] : blocks(layers, scoreCapacity);
        context = blocks(layers, h);
        attentionNormed = blocks(layers, h);
        attentionXhat = blocks(layers, h);
        attentionInverse = blocks(layers, rowCapacity);
        intermediate = blocks(layers, f);
        activated = FloatBlock.allocate(forwardOnly ? 0 : f);
        outputXhat = blocks(layers, h);
        outputInverse = blocks(layers, rowCapacity);
        embeddingXhat = FloatBlock.allocate(h);
        embeddingInverse = FloatBlock.allocate(rowCapacity);
        branch = FloatBlock.allocate(h);
        long backward = forwardOnly ? 0 : 1;
        gradientA = FloatBlock.allocate(backward * h);
        gradientB = FloatBlock.allocate(backward * h);
        gradientResidual = FloatBlock.allocate(backward * h);
        gradientBranch = FloatBlock.allocate(backward * h);
        gradientContext = FloatBlock.allocate(backward * h);
        gradientQueryKeyValue = FloatBlock.allocate(backward * 3 * h);
        // The backward pass is done with a layer's recomputed GELU output (the weight gradient's product) before it
        // writes the gradient of the feed-forward's pre-activation: the two can share one buffer.
        gradientIntermediate = activated;
    }

    /**
     * Where the feed-forward's GELU writes its output for the layer: the pre-activation's own buffer in passes that are
     * forward only, which need the pre-activation for nothing else (the GELU then reads and writes one buffer, half the
     * memory traffic of the widest activation, and {@link #activated} is not allocated); else {@link #activated}, so that
     * the backward pass has the pre-activation.
     */
    FloatBlock geluOutput(int layer)
    {
        return forwardOnly ? intermediate[layer] : activated;
    }

    /**
     * Whether passes over inputs of {@code length} positions keep every head's attention probabilities for the backward
     * pass; if not, each head's are computed in a worker's scratch square, and again by the backward pass. Forward-only
     * passes never keep them.
     */
    boolean keepsProbabilities(int length)
    {
        return !forwardOnly && (long) config.heads() * length <= config.intermediate();
    }

    /** One buffer per layer for training; one shared by every layer for forward passes only. */
    private FloatBlock[] blocks(int count, long length)
    {
        FloatBlock[] blocks = new FloatBlock[count];
        FloatBlock shared = forwardOnly ? FloatBlock.allocate(length) : null;
        for (int i = 0; i < count; i++) {
            blocks[i] = forwardOnly ? shared : FloatBlock.allocate(length);
        }
        return blocks;
    }

    /** Two buffers in turn: layer {@code l} reads {@code blocks[l]} and writes {@code blocks[l + 1]}. */
    private static FloatBlock[] alternating(int count, long length)
    {
        FloatBlock[] pair = {FloatBlock.allocate(length), FloatBlock.allocate(length)};
        FloatBlock[] blocks = new FloatBlock[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = pair[i % 2];
        }
        return blocks;
    }
}
