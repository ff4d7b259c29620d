package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;

/**
 * The encoder over one shard: embeddings and every layer forward; backwards from the gradient of the sequence output
 * (in {@link Activations#gradientA}) through every layer to the embedding tables.
 */
final class EncoderPasses
{
    /** A pass split by column bands has seven parts per layer: projections, attention, output product, norm, two feed-forward products, norm. */
    private static final int PARTS_PER_LAYER_BY_COLUMNS = 7;

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

    /** Packs the forward products' weights once more, into panels for products of few rows (a forward-only engine's). */
    void preparePanels()
    {
        layers.packPanels();
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
     * once, part by part (see {@link SharedParts}), each part cut into {@code parts.shares()} even, contiguous shares.
     * Attention is split by (sequence, head) pairs. With {@code byRows}, the rest is split by rows: the embeddings with
     * the first projections, then a layer's token-wise work from one attention to the next is one part. Otherwise the
     * products are split by bands of their output columns (each share multiplies every row by its band of the weights,
     * for inputs whose rows are too few to split: BLAS runs a product of 16 rows at a third of its speed on 512, and
     * every worker would read all of the weights) and the embeddings and norms by rows, the GELU going with the product
     * before it, column by column. A part that reads what another part wrote in other shares (every column of a row,
     * every row of a sequence) starts after that part has finished. Each share writes only its own rows, columns or
     * heads, as a shard's worker does, so the result is the unsplit pass's.
     */
    void forwardShares(StepInputs inputs, Worker worker, SharedParts parts, boolean byRows)
    {
        if (byRows) {
            forwardRowShares(inputs, worker, parts);
        }
        else {
            forwardColumnShares(inputs, worker, parts);
        }
        worker.timer.stop(Op.SPLIT_WAIT);
    }

    /** The parts of {@link #forwardShares}: the embeddings, then two parts per layer by rows, seven by column bands. */
    int sharedParts(boolean byRows)
    {
        return 1 + (byRows ? 2 : PARTS_PER_LAYER_BY_COLUMNS) * config.layers();
    }

    private void forwardRowShares(StepInputs inputs, Worker worker, SharedParts parts)
    {
        int shares = parts.shares();
        int rows = inputs.rows();
        int pairs = inputs.size() * config.heads();
        parts.run(0, s -> {
            int first = share(rows, s, shares);
            int count = shareSize(rows, s, shares);
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
                int count = shareSize(rows, s, shares);
                layers.finish(current, first, count, inputs, worker);
                if (current + 1 < config.layers()) {
                    layers.project(current + 1, first, count, worker);
                }
            });
        }
    }

    private void forwardColumnShares(StepInputs inputs, Worker worker, SharedParts parts)
    {
        int shares = parts.shares();
        int rows = inputs.rows();
        int pairs = inputs.size() * config.heads();
        int h = config.hidden();
        int f = config.intermediate();
        parts.run(0, s -> embeddings.forward(share(rows, s, shares), shareSize(rows, s, shares), inputs, worker));
        int part = 1;
        for (int layer = 0; layer < config.layers(); layer++) {
            int current = layer;
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(part++, s -> layers.project(current, 0, rows, band(3 * h, s, shares), bandSize(3 * h, s, shares), worker));
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(part++, s -> layers.attend(current, share(pairs, s, shares), share(pairs, s + 1, shares), inputs, worker));
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(part++, s -> layers.outputProduct(current, 0, rows, band(h, s, shares), bandSize(h, s, shares), worker));
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(part++, s -> layers.attentionNorm(current, share(rows, s, shares), shareSize(rows, s, shares), inputs, worker));
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(part++, s -> layers.expand(current, 0, rows, band(f, s, shares), bandSize(f, s, shares), worker));
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(part++, s -> layers.contract(current, 0, rows, band(h, s, shares), bandSize(h, s, shares), worker));
            worker.timer.stop(Op.SPLIT_WAIT);
            parts.run(part++, s -> layers.outputNorm(current, share(rows, s, shares), shareSize(rows, s, shares), inputs, worker));
        }
    }

    /**
     * Where band {@code part} of {@code columns} split over {@code parts} starts: as {@link #share}, on a whole number of
     * vectors, so that the kernels after a product (bias, GELU) run their vector loops on every band.
     */
    private static int band(int columns, int part, int parts)
    {
        return part == parts ? columns : share(columns / Kernels.LANES, part, parts) * Kernels.LANES;
    }

    private static int bandSize(int columns, int part, int parts)
    {
        return band(columns, part + 1, parts) - band(columns, part, parts);
    }

    /** Where part {@code part} of {@code total} items split as evenly as possible over {@code parts} starts. */
    private static int share(int total, int part, int parts)
    {
        return (int) ((long) total * part / parts);
    }

    private static int shareSize(int total, int part, int parts)
    {
        return share(total, part + 1, parts) - share(total, part, parts);
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
