package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;

/**
 * Every activation of the encoder that the backward pass reads, for a whole batch, plus the backward pass's working
 * buffers. Rows are numbered {@code sequence * length + position}, so each worker's shard is a contiguous range. The
 * buffers grow to the largest batch seen and are then reused for every step.
 */
final class Activations
{
    private final EncoderConfig config;
    private int rowCapacity;
    private long scoreCapacity;

    /** {@code hidden[l]} is the input of layer {@code l}; {@code hidden[layers]} the sequence output. */
    FloatBlock[] hidden;
    /** Query, key and value side by side, {@code [rows, 3 * hidden]}. */
    FloatBlock[] queryKeyValue;
    /** Attention probabilities, {@code [sequence, head, query, key]}. */
    FloatBlock[] probabilities;
    FloatBlock[] context;
    FloatBlock[] attentionNormed;
    FloatBlock[] attentionXhat;
    FloatBlock[] attentionInverse;
    /** The feed-forward pre-activation, bias included, {@code [rows, intermediate]}. */
    FloatBlock[] intermediate;
    FloatBlock[] activated;
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

    Activations(EncoderConfig config)
    {
        this.config = config;
    }

    /** Makes room for a batch of {@code sequences} sequences of {@code length} positions. */
    void ensure(int sequences, int length)
    {
        int rows = sequences * length;
        long scores = (long) sequences * config.heads() * length * length;
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
        hidden = blocks(layers + 1, h);
        queryKeyValue = blocks(layers, 3 * h);
        probabilities = blocks(layers, scoreCapacity);
        context = blocks(layers, h);
        attentionNormed = blocks(layers, h);
        attentionXhat = blocks(layers, h);
        attentionInverse = blocks(layers, rowCapacity);
        intermediate = blocks(layers, f);
        activated = blocks(layers, f);
        outputXhat = blocks(layers, h);
        outputInverse = blocks(layers, rowCapacity);
        embeddingXhat = FloatBlock.allocate(h);
        embeddingInverse = FloatBlock.allocate(rowCapacity);
        branch = FloatBlock.allocate(h);
        gradientA = FloatBlock.allocate(h);
        gradientB = FloatBlock.allocate(h);
        gradientResidual = FloatBlock.allocate(h);
        gradientBranch = FloatBlock.allocate(h);
        gradientContext = FloatBlock.allocate(h);
        gradientQueryKeyValue = FloatBlock.allocate(3 * h);
        gradientIntermediate = FloatBlock.allocate(f);
    }

    private static FloatBlock[] blocks(int count, long length)
    {
        FloatBlock[] blocks = new FloatBlock[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = FloatBlock.allocate(length);
        }
        return blocks;
    }
}
