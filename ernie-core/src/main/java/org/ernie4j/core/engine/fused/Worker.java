package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;

/**
 * What one worker thread owns: its BLAS pointers, its timers, its loss tally, its gradient buffers and two scratch
 * buffers. Workers share the parameters and the activation buffers, in which each writes only its own shard's rows.
 */
final class Worker
{
    final int index;
    final Gemm gemm = new Gemm();
    final OpTimer timer = new OpTimer(gemm);
    final LossTally tally = new LossTally();
    final GradientBlocks gradients;
    private final EncoderConfig config;
    private final ModelParameters parameters;
    private final int hidden;
    private EncoderBlocks encoderGradients;
    private FloatBlock rowScratch;
    private FloatBlock rowScratch2;
    private FloatBlock squareScratch;
    private FloatBlock scoreScratch = FloatBlock.allocate(0);
    private FloatBlock packedScratch = FloatBlock.allocate(0);

    Worker(int index, EncoderConfig config, ModelParameters parameters)
    {
        this.index = index;
        this.hidden = config.hidden();
        this.gradients = new GradientBlocks(index == 0);
        this.config = config;
        this.parameters = parameters;
        this.rowScratch = FloatBlock.allocate(hidden);
        this.rowScratch2 = FloatBlock.allocate(hidden);
        this.squareScratch = FloatBlock.allocate(0);
    }

    /**
     * The encoder's gradient buffers, created at the first backward pass: an engine that only runs forward passes never
     * holds a copy of the parameters per worker.
     */
    EncoderBlocks encoderGradients()
    {
        if (encoderGradients == null) {
            encoderGradients = new EncoderBlocks(config, name -> gradients.of(parameters.spec(name)));
        }
        return encoderGradients;
    }

    /** A scratch row of the hidden width. */
    FloatBlock row()
    {
        return rowScratch;
    }

    /** A second scratch row of the hidden width. */
    FloatBlock row2()
    {
        return rowScratch2;
    }

    /** A scratch block of at least {@code length} floats (the packed query/key/value weight gradient). */
    FloatBlock packedScratch(long length)
    {
        packedScratch = atLeast(packedScratch, length);
        return packedScratch;
    }

    /** A scratch square of {@code length x length} floats (the attention score gradients of one head). */
    FloatBlock square(int length)
    {
        squareScratch = atLeast(squareScratch, (long) length * length);
        return squareScratch;
    }

    /**
     * A second scratch square of {@code length x length} floats: one head's attention probabilities, when the pass does
     * not keep them (see {@link Activations#keepsProbabilities}).
     */
    FloatBlock scores(int length)
    {
        scoreScratch = atLeast(scoreScratch, (long) length * length);
        return scoreScratch;
    }

    /** {@code block} if it holds {@code length} floats, else a new block of that length (scratch only grows). */
    private static FloatBlock atLeast(FloatBlock block, long length)
    {
        return block.length() < length ? FloatBlock.allocate(length) : block;
    }
}
