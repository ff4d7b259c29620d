package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.DropoutRule;
import org.ernie4j.core.model.EncoderConfig;

/**
 * The dropout masks of a step, drawn by {@link DropoutRule} exactly as the graph's engine draws them: mask 0 after the
 * embedding norm, then for each layer {@code l} mask {@code 1 + 2l} after the attention output and {@code 2 + 2l} after
 * the feed-forward output, each {@code [rows, hidden]}.
 */
final class MaskSet
{
    private final EncoderConfig config;
    private FloatBlock[] masks = new FloatBlock[0];
    private int rowCapacity;

    MaskSet(EncoderConfig config)
    {
        this.config = config;
    }

    static int count(EncoderConfig config)
    {
        return config.dropout() > 0 ? 1 + 2 * config.layers() : 0;
    }

    void ensure(int rows)
    {
        if (rows <= rowCapacity || count(config) == 0) {
            return;
        }
        rowCapacity = rows;
        masks = new FloatBlock[count(config)];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = FloatBlock.allocate((long) rows * config.hidden());
        }
    }

    /** Draws the masks {@code worker, worker + workers, ...} of the step seeded {@code seed}, for {@code rows} rows. */
    void draw(long seed, int rows, int worker, int workers)
    {
        int length = rows * config.hidden();
        for (int index = worker; index < masks.length; index += workers) {
            MaskDraw.fill(seed, index, config.dropout(), masks[index], length);
        }
    }

    /** Mask {@code index}, or null when the model has no dropout or the step is not training. */
    FloatBlock mask(int index, boolean training)
    {
        return training && masks.length > 0 ? masks[index] : null;
    }

    static int embeddingMask()
    {
        return 0;
    }

    static int attentionMask(int layer)
    {
        return 1 + 2 * layer;
    }

    static int feedForwardMask(int layer)
    {
        return 2 + 2 * layer;
    }
}
