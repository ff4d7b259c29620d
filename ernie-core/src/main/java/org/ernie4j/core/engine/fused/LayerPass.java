package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.EncoderConfig;

/**
 * One post-LN Transformer layer over a shard's rows, forward and backward:
 * {@code x1 = LN(h + drop(attention(h) Wo + bo))}, {@code out = LN(x1 + drop(gelu(x1 W1 + b1) W2 + b2))}.
 *
 * <p>Every product is one BLAS call on the buffers where the operands already are: the query, key and value
 * projections are one product into one {@code [rows, 3 hidden]} buffer, and each attention head reads its columns of it
 * (and writes its context columns) through the leading dimension, so heads are never split or merged by copying.
 */
final class LayerPass
{
    private static final int PROJECTIONS = 0;
    private static final int ATTENTION_OUTPUT = 1;
    private static final int FEED_FORWARD_IN = 2;
    private static final int FEED_FORWARD_OUT = 3;

    private final EncoderConfig config;
    private final EncoderBlocks parameters;
    private final Activations activations;
    private final MaskSet masks;
    private final float epsilon;
    private final float scale;
    /** Per layer, {@code [Wq | Wk | Wv]} as one {@code [hidden, 3 hidden]} matrix, and the three biases side by side. */
    private final FloatBlock[] packedWeights;
    private final FloatBlock[] packedBiases;
    /**
     * Per layer, the four forward products' weights in panels ({@link PanelWeights}: projections, attention output,
     * feed-forward in and out), once {@link #packPanels} has made them; null in a training engine.
     */
    private PanelWeights[][] panels;

    LayerPass(EncoderConfig config, EncoderBlocks parameters, Activations activations, MaskSet masks)
    {
        this.config = config;
        this.parameters = parameters;
        this.activations = activations;
        this.masks = masks;
        this.epsilon = (float) config.layerNormEpsilon();
        this.scale = (float) (1.0 / Math.sqrt(config.headSize()));
        this.packedWeights = new FloatBlock[config.layers()];
        this.packedBiases = new FloatBlock[config.layers()];
        for (int layer = 0; layer < config.layers(); layer++) {
            packedWeights[layer] = FloatBlock.allocate(3L * config.hidden() * config.hidden());
            packedBiases[layer] = FloatBlock.allocate(3L * config.hidden());
        }
    }

    /**
     * Packs each layer's query, key and value weights side by side, so that the three projections are one product each
     * way (three times wider, which BLAS runs closer to its peak). The parameters change after every update, so this runs
     * before every pass; it copies less than a megabyte.
     */
    void packWeights()
    {
        int h = config.hidden();
        for (int layer = 0; layer < config.layers(); layer++) {
            LayerBlocks p = parameters.layers[layer];
            FloatBlock packed = packedWeights[layer];
            for (int row = 0; row < h; row++) {
                packed.copyFrom(p.queryWeight, row * h, row * 3 * h, h);
                packed.copyFrom(p.keyWeight, row * h, row * 3 * h + h, h);
                packed.copyFrom(p.valueWeight, row * h, row * 3 * h + 2 * h, h);
            }
            packedBiases[layer].copyFrom(p.queryBias, 0, 0, h);
            packedBiases[layer].copyFrom(p.keyBias, 0, h, h);
            packedBiases[layer].copyFrom(p.valueBias, 0, 2 * h, h);
        }
    }

    void forward(int layer, Shard shard, StepInputs inputs, Worker worker)
    {
        project(layer, shard.firstRow(), shard.rows(), worker);
        attend(layer, shard.firstSequence() * config.heads(), shard.endSequence() * config.heads(), inputs, worker);
        finish(layer, shard.firstRow(), shard.rows(), inputs, worker);
    }

    /**
     * Packs the forward products' weights into panels for products of few rows; for a forward-only engine, whose weights
     * never change after it packed them.
     */
    void packPanels()
    {
        if (!PanelGemm.worthwhile()) {
            return;
        }
        int h = config.hidden();
        int f = config.intermediate();
        PanelWeights[][] packed = new PanelWeights[config.layers()][];
        for (int layer = 0; layer < config.layers(); layer++) {
            LayerBlocks p = parameters.layers[layer];
            packed[layer] = new PanelWeights[] {PanelWeights.pack(packedWeights[layer], 0, h, 3 * h), PanelWeights.pack(p.outputWeight, 0, h, h),
                    PanelWeights.pack(p.inWeight, 0, h, f), PanelWeights.pack(p.outWeight, 0, f, h)};
        }
        panels = packed;
    }

    /**
     * Columns {@code column ..} of {@code C = A W} for the given rows ({@code A}'s leading dimension is {@code W}'s
     * height {@code k}), {@code cAt} being where that column starts in {@code C}'s first row: on the panels when there are
     * some and the rows are few, else on BLAS.
     */
    private void product(Worker worker, int layer, int which, int rows, int column, int columns, int k, FloatBlock a, long aOffset,
            FloatBlock weights, int n, FloatBlock c, long cAt, int ldc)
    {
        if (panels != null && rows <= PanelGemm.rowsUpTo()) {
            worker.gemm.multiply(rows, column, columns, a, aOffset, k, panels[layer][which], c, cAt - column, ldc);
        }
        else {
            worker.gemm.multiply(false, false, rows, columns, k, 1f, a, aOffset, k, weights, column, n, 0f, c, cAt, ldc);
        }
    }

    /** The query, key and value projections of rows {@code first .. first + rows - 1}: the part before attention. */
    void project(int layer, int first, int rows, Worker worker)
    {
        project(layer, first, rows, 0, 3 * config.hidden(), worker);
    }

    /**
     * Columns {@code column .. column + columns - 1} of the packed query, key and value projections of rows {@code first ..
     * first + rows - 1}: a split pass gives each worker a band of the product's columns, so that each reads only its
     * part of the weights and multiplies all of the rows at once (BLAS runs a product of 16 rows at a third of its peak).
     */
    void project(int layer, int first, int rows, int column, int columns, Worker worker)
    {
        int h = config.hidden();
        FloatBlock qkv = activations.queryKeyValue[layer];
        long at = (long) first * 3 * h + column;
        product(worker, layer, PROJECTIONS, rows, column, columns, h, activations.hidden[layer], (long) first * h, packedWeights[layer], 3 * h,
                qkv, at, 3 * h);
        Kernels.addRowBias(qkv, at, rows, columns, 3 * h, packedBiases[layer], column);
        worker.timer.stop(Op.QKV_FORWARD);
    }

    /**
     * Attention for the (sequence, head) pairs numbered {@code sequence * heads + head} from {@code firstPair} up to
     * {@code endPair}: it reads every row of those sequences' projections and writes those heads' context columns.
     */
    void attend(int layer, int firstPair, int endPair, StepInputs inputs, Worker worker)
    {
        attentionForward(layer, firstPair, endPair, inputs, worker);
        worker.timer.stop(Op.ATTENTION_FORWARD);
    }

    /**
     * Everything after attention for rows {@code first .. first + rows - 1}: the output product, both residual norms,
     * the feed-forward products and GELU. Each row needs only its own context row, so rows can be split at any point.
     */
    void finish(int layer, int first, int rows, StepInputs inputs, Worker worker)
    {
        int h = config.hidden();
        outputProduct(layer, first, rows, 0, h, worker);
        attentionNorm(layer, first, rows, inputs, worker);
        expand(layer, first, rows, 0, config.intermediate(), worker);
        contract(layer, first, rows, 0, h, worker);
        outputNorm(layer, first, rows, inputs, worker);
    }

    /** Columns {@code column ..} of the attention output product (before its bias, which the norm adds) of the given rows. */
    void outputProduct(int layer, int first, int rows, int column, int columns, Worker worker)
    {
        int h = config.hidden();
        long at = (long) first * h;
        product(worker, layer, ATTENTION_OUTPUT, rows, column, columns, h, activations.context[layer], at, parameters.layers[layer].outputWeight,
                h, activations.branch, at + column, h);
        worker.timer.stop(Op.ATTENTION_OUTPUT_FORWARD);
    }

    /** The attention's residual, dropout and layer norm of the given rows; reads every column of the output product. */
    void attentionNorm(int layer, int first, int rows, StepInputs inputs, Worker worker)
    {
        LayerBlocks p = parameters.layers[layer];
        Activations a = activations;
        int h = config.hidden();
        FloatBlock input = a.hidden[layer];
        FloatBlock attentionMask = masks.mask(MaskSet.attentionMask(layer), inputs.training());
        for (int row = first; row < first + rows; row++) {
            long at = (long) row * h;
            LayerNormKernel.composeResidual(h, input, at, a.branch, at, p.outputBias, attentionMask, at, a.attentionXhat[layer], at);
            a.attentionInverse[layer].set(row, LayerNormKernel.normalize(h, epsilon, a.attentionXhat[layer], at, p.attentionGamma,
                    p.attentionBeta, a.attentionNormed[layer], at, null, 0));
        }
        worker.timer.stop(Op.NORM_FORWARD);
    }

    /** Columns {@code column ..} of the feed-forward's first product, with its bias and the GELU, of the given rows. */
    void expand(int layer, int first, int rows, int column, int columns, Worker worker)
    {
        LayerBlocks p = parameters.layers[layer];
        int h = config.hidden();
        int f = config.intermediate();
        long at = (long) first * f + column;
        product(worker, layer, FEED_FORWARD_IN, rows, column, columns, h, activations.attentionNormed[layer], (long) first * h, p.inWeight, f,
                activations.intermediate[layer], at, f);
        worker.timer.stop(Op.FFN_FORWARD);
        ActivationKernel.geluForward(config.activation(), rows, columns, f, activations.intermediate[layer], at, p.inBias, column,
                activations.geluOutput(layer), at);
        worker.timer.stop(Op.GELU_FORWARD);
    }

    /** Columns {@code column ..} of the feed-forward's second product (before its bias, which the norm adds) of the given rows. */
    void contract(int layer, int first, int rows, int column, int columns, Worker worker)
    {
        int h = config.hidden();
        int f = config.intermediate();
        product(worker, layer, FEED_FORWARD_OUT, rows, column, columns, f, activations.geluOutput(layer), (long) first * f,
                parameters.layers[layer].outWeight, h, activations.branch, (long) first * h + column, h);
        worker.timer.stop(Op.FFN_FORWARD);
    }

    /** The feed-forward's residual, dropout and layer norm of the given rows, into the next layer's input. */
    void outputNorm(int layer, int first, int rows, StepInputs inputs, Worker worker)
    {
        LayerBlocks p = parameters.layers[layer];
        Activations a = activations;
        int h = config.hidden();
        FloatBlock feedForwardMask = masks.mask(MaskSet.feedForwardMask(layer), inputs.training());
        FloatBlock output = a.hidden[layer + 1];
        for (int row = first; row < first + rows; row++) {
            long at = (long) row * h;
            LayerNormKernel.composeResidual(h, a.attentionNormed[layer], at, a.branch, at, p.outBias, feedForwardMask, at,
                    a.outputXhat[layer], at);
            a.outputInverse[layer].set(row, LayerNormKernel.normalize(h, epsilon, a.outputXhat[layer], at, p.feedForwardGamma,
                    p.feedForwardBeta, output, at, null, 0));
        }
        worker.timer.stop(Op.NORM_FORWARD);
    }

    /**
     * Softmax(Q K^T / sqrt(d) + padding bias) V for the given (sequence, head) pairs, over each sequence's real keys
     * only (see {@link SoftmaxKernel}); every query row is computed, padding included, as in the graph.
     */
    private void attentionForward(int layer, int firstPair, int endPair, StepInputs inputs, Worker worker)
    {
        int h = config.hidden();
        int heads = config.heads();
        int d = config.headSize();
        int t = inputs.length();
        boolean kept = activations.keepsProbabilities(t);
        FloatBlock qkv = activations.queryKeyValue[layer];
        FloatBlock probabilities = kept ? activations.probabilities[layer] : worker.scores(t);
        FloatBlock context = activations.context[layer];
        for (int pair = firstPair; pair < endPair; pair++) {
            int sequence = pair / heads;
            long rowsAt = (long) sequence * t;
            int head = pair % heads;
            long query = rowsAt * 3 * h + (long) head * d;
            long scores = kept ? (long) pair * t * t : 0;
            int keys = probabilities(qkv, query, keys(inputs, sequence), t, probabilities, scores, worker.gemm);
            worker.gemm.multiply(false, false, t, d, keys, 1f, probabilities, scores, t, qkv, query + 2 * h, 3 * h, 0f,
                    context, rowsAt * h + (long) head * d, h);
        }
    }

    /**
     * One head's probabilities {@code softmax(Q K^T / sqrt(d))} over its sequence's {@code keys} real keys, into {@code
     * [t, t]} at {@code scores} (rows {@code t} apart); the backward pass's recomputation calls the same code, so it gets
     * the same floats.
     *
     * @return {@code keys}
     */
    private int probabilities(FloatBlock qkv, long query, int keys, int t, FloatBlock target, long scores, Gemm gemm)
    {
        int h = config.hidden();
        gemm.multiply(false, true, t, keys, config.headSize(), scale, qkv, query, 3 * h, qkv, query + h, 3 * h, 0f, target, scores, t);
        SoftmaxKernel.forward(target, scores, t, keys, t);
        return keys;
    }

    /** The keys a sequence attends to: its real positions (all of them for an empty sequence, as the bias would give). */
    private static int keys(StepInputs inputs, int sequence)
    {
        int length = inputs.lengths()[sequence];
        return length > 0 ? length : inputs.length();
    }

    /**
     * From {@code gradientOut}, the gradient of the layer's output, writes {@code gradientIn}, the gradient of its input,
     * and this worker's gradients of the layer's parameters.
     */
    void backward(int layer, Shard shard, StepInputs inputs, Worker worker, FloatBlock gradientOut, FloatBlock gradientIn)
    {
        LayerBlocks p = parameters.layers[layer];
        LayerBlocks g = worker.encoderGradients().layers[layer];
        Activations a = activations;
        Gemm gemm = worker.gemm;
        OpTimer timer = worker.timer;
        int h = config.hidden();
        int f = config.intermediate();
        int rows = shard.rows();
        long first = shard.firstRow();
        g.zeroAccumulated();

        FloatBlock feedForwardMask = masks.mask(MaskSet.feedForwardMask(layer), inputs.training());
        for (int row = shard.firstRow(); row < shard.firstRow() + rows; row++) {
            long at = (long) row * h;
            LayerNormKernel.backward(h, gradientOut, at, a.outputXhat[layer], at, a.outputInverse[layer].get(row), p.feedForwardGamma,
                    g.feedForwardGamma, g.feedForwardBeta, a.gradientResidual, at, feedForwardMask, at, a.gradientBranch, at, g.outBias);
        }
        timer.stop(Op.NORM_BACKWARD);

        // The GELU's output is not kept: recomputed from the kept pre-activation by the forward pass's formula, which
        // leaves the GELU's derivative in place of the pre-activation (needed for nothing else from here).
        ActivationKernel.geluWithDerivative(config.activation(), rows, f, a.intermediate[layer], first * f, a.activated, first * f);
        timer.stop(Op.GELU_BACKWARD);
        gemm.multiply(true, false, f, h, rows, 1f, a.activated, first * f, f, a.gradientBranch, first * h, h, 0f, g.outWeight, 0, h);
        // From here the GELU's output is dead: gradientIntermediate, written next, is the same buffer.
        gemm.multiply(false, true, rows, f, h, 1f, a.gradientBranch, first * h, h, p.outWeight, 0, h, 0f,
                a.gradientIntermediate, first * f, f);
        timer.stop(Op.FFN_BACKWARD);
        ActivationKernel.multiplyByDerivative(rows, f, a.intermediate[layer], first * f, a.gradientIntermediate, first * f, g.inBias);
        timer.stop(Op.GELU_BACKWARD);
        gemm.multiply(true, false, h, f, rows, 1f, a.attentionNormed[layer], first * h, h, a.gradientIntermediate, first * f, f, 0f,
                g.inWeight, 0, f);
        gemm.multiply(false, true, rows, h, f, 1f, a.gradientIntermediate, first * f, f, p.inWeight, 0, f, 1f,
                a.gradientResidual, first * h, h);
        timer.stop(Op.FFN_BACKWARD);

        FloatBlock attentionMask = masks.mask(MaskSet.attentionMask(layer), inputs.training());
        for (int row = shard.firstRow(); row < shard.firstRow() + rows; row++) {
            long at = (long) row * h;
            LayerNormKernel.backward(h, a.gradientResidual, at, a.attentionXhat[layer], at, a.attentionInverse[layer].get(row),
                    p.attentionGamma, g.attentionGamma, g.attentionBeta, gradientIn, at, attentionMask, at, a.gradientBranch, at,
                    g.outputBias);
        }
        timer.stop(Op.NORM_BACKWARD);

        gemm.multiply(true, false, h, h, rows, 1f, a.context[layer], first * h, h, a.gradientBranch, first * h, h, 0f, g.outputWeight, 0, h);
        gemm.multiply(false, true, rows, h, h, 1f, a.gradientBranch, first * h, h, p.outputWeight, 0, h, 0f, a.gradientContext, first * h, h);
        timer.stop(Op.ATTENTION_OUTPUT_BACKWARD);

        attentionBackward(layer, shard, inputs, worker);
        timer.stop(Op.ATTENTION_BACKWARD);

        FloatBlock input = a.hidden[layer];
        FloatBlock dqkv = a.gradientQueryKeyValue;
        long qkvAt = first * 3 * h;
        FloatBlock packedGradient = worker.packedScratch(3L * h * h);
        gemm.multiply(true, false, h, 3 * h, rows, 1f, input, first * h, h, dqkv, qkvAt, 3 * h, 0f, packedGradient, 0, 3 * h);
        for (int row = 0; row < h; row++) {
            g.queryWeight.copyFrom(packedGradient, row * 3 * h, row * h, h);
            g.keyWeight.copyFrom(packedGradient, row * 3 * h + h, row * h, h);
            g.valueWeight.copyFrom(packedGradient, row * 3 * h + 2 * h, row * h, h);
        }
        Kernels.addColumnSums(dqkv, qkvAt, rows, h, 3 * h, g.queryBias, 0);
        Kernels.addColumnSums(dqkv, qkvAt + h, rows, h, 3 * h, g.keyBias, 0);
        Kernels.addColumnSums(dqkv, qkvAt + 2 * h, rows, h, 3 * h, g.valueBias, 0);
        gemm.multiply(false, true, rows, h, 3 * h, 1f, dqkv, qkvAt, 3 * h, packedWeights[layer], 0, 3 * h, 1f, gradientIn, first * h, h);
        timer.stop(Op.QKV_BACKWARD);
    }

    private void attentionBackward(int layer, Shard shard, StepInputs inputs, Worker worker)
    {
        int h = config.hidden();
        int heads = config.heads();
        int d = config.headSize();
        int t = inputs.length();
        Gemm gemm = worker.gemm;
        FloatBlock qkv = activations.queryKeyValue[layer];
        boolean kept = activations.keepsProbabilities(t);
        FloatBlock probabilities = kept ? activations.probabilities[layer] : worker.scores(t);
        FloatBlock dContext = activations.gradientContext;
        FloatBlock dqkv = activations.gradientQueryKeyValue;
        FloatBlock dScores = worker.square(t);
        for (int sequence = shard.firstSequence(); sequence < shard.endSequence(); sequence++) {
            long rowsAt = (long) sequence * t;
            int keys = keys(inputs, sequence);
            for (int head = 0; head < heads; head++) {
                long query = rowsAt * 3 * h + (long) head * d;
                long contextAt = rowsAt * h + (long) head * d;
                long scores = kept ? ((long) sequence * heads + head) * t * t : 0;
                if (!kept) {
                    probabilities(qkv, query, keys, t, probabilities, 0, gemm);
                }
                // dP = dC V^T and dV = P^T dC
                gemm.multiply(false, true, t, keys, d, 1f, dContext, contextAt, h, qkv, query + 2 * h, 3 * h, 0f, dScores, 0, t);
                gemm.multiply(true, false, keys, d, t, 1f, probabilities, scores, t, dContext, contextAt, h, 0f, dqkv, query + 2 * h, 3 * h);
                SoftmaxKernel.backward(probabilities, scores, dScores, 0, t, keys, t);
                // dQ = scale dS K and dK = scale dS^T Q
                gemm.multiply(false, false, t, d, keys, scale, dScores, 0, t, qkv, query + h, 3 * h, 0f, dqkv, query, 3 * h);
                gemm.multiply(true, false, keys, d, t, scale, dScores, 0, t, qkv, query, 3 * h, 0f, dqkv, query + h, 3 * h);
                if (keys < t) {
                    // Padding keys and values get no gradient (their probabilities are exactly zero).
                    long padding = (rowsAt + keys) * 3 * h + (long) head * d;
                    Kernels.scaleMatrix(dqkv, padding + h, t - keys, d, 3 * h, 0f);
                    Kernels.scaleMatrix(dqkv, padding + 2 * h, t - keys, d, 3 * h, 0f);
                }
            }
        }
    }
}
