package org.ernie4j.core.engine.fused;

import java.util.List;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;

/**
 * Masked-token prediction: the masked rows of the sequence output go through a dense layer, the activation and a layer
 * norm, then {@code logits = u E^T + b} over the vocabulary with {@code E} the token embedding (tied). The tied product's
 * gradient is the first thing written into the token embedding's gradient; the embedding pass adds the lookups' part.
 */
final class MaskedTokenHeadPass
        implements HeadPass
{
    private final EncoderConfig config;
    private final ModelParameters parameters;
    private final EncoderBlocks encoder;
    private final Activations activations;
    private final float epsilon;
    private final String transformWeight;
    private final String transformBias;
    private final String normGamma;
    private final String normBeta;
    private final String outputBias;
    private final FloatBlock weight;
    private final FloatBlock bias;
    private final FloatBlock gamma;
    private final FloatBlock beta;
    private final FloatBlock vocabularyBias;
    private int capacity;
    private FloatBlock selected;
    private FloatBlock pre;
    private FloatBlock activated;
    private FloatBlock xhat;
    private FloatBlock inverse;
    private FloatBlock transformed;
    private FloatBlock logits;
    private FloatBlock gradientTransformed;
    private FloatBlock gradientActivated;

    MaskedTokenHeadPass(EncoderConfig config, ModelParameters parameters, EncoderBlocks encoder, Activations activations, String taskName)
    {
        this.config = config;
        this.parameters = parameters;
        this.encoder = encoder;
        this.activations = activations;
        this.epsilon = (float) config.layerNormEpsilon();
        this.transformWeight = EncoderLayout.weight(HeadLayout.transform(taskName));
        this.transformBias = EncoderLayout.bias(HeadLayout.transform(taskName));
        this.normGamma = EncoderLayout.gamma(HeadLayout.transformNorm(taskName));
        this.normBeta = EncoderLayout.beta(HeadLayout.transformNorm(taskName));
        this.outputBias = HeadLayout.outputBias(taskName);
        this.weight = FloatBlock.of(parameters.get(transformWeight));
        this.bias = FloatBlock.of(parameters.get(transformBias));
        this.gamma = FloatBlock.of(parameters.get(normGamma));
        this.beta = FloatBlock.of(parameters.get(normBeta));
        this.vocabularyBias = FloatBlock.of(parameters.get(outputBias));
    }

    @Override
    public void ensure(StepInputs inputs, HeadTargets targets)
    {
        int items = targets.count();
        if (items <= capacity) {
            return;
        }
        capacity = items;
        long h = (long) items * config.hidden();
        selected = FloatBlock.allocate(h);
        pre = FloatBlock.allocate(h);
        activated = FloatBlock.allocate(h);
        xhat = FloatBlock.allocate(h);
        inverse = FloatBlock.allocate(items);
        transformed = FloatBlock.allocate(h);
        logits = FloatBlock.allocate((long) items * config.vocabularySize());
        gradientTransformed = FloatBlock.allocate(h);
        gradientActivated = FloatBlock.allocate(h);
    }

    @Override
    public void forward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, boolean training)
    {
        int h = config.hidden();
        int v = config.vocabularySize();
        int first = targets.firstItemFrom(shard.firstRow());
        int items = targets.firstItemFrom(shard.firstRow() + shard.rows()) - first;
        FloatBlock sequence = activations.hidden[config.layers()];
        int[] rows = targets.rows();
        for (int item = first; item < first + items; item++) {
            selected.copyFrom(sequence, rows[item] * h, item * h, h);
        }
        long at = (long) first * h;
        worker.gemm.multiply(false, false, items, h, h, 1f, selected, at, h, weight, 0, h, 0f, pre, at, h);
        ActivationKernel.geluForward(config.activation(), items, h, pre, at, bias, activated, at);
        for (int item = first; item < first + items; item++) {
            long itemAt = (long) item * h;
            xhat.copyFrom(activated, (int) itemAt, (int) itemAt, h);
            inverse.set(item, LayerNormKernel.normalize(h, epsilon, xhat, itemAt, gamma, beta, transformed, itemAt, null, 0));
        }
        worker.gemm.multiply(false, true, items, v, h, 1f, transformed, at, h, encoder.token, 0, h, 0f, logits, (long) first * v, v);
        worker.timer.stop(Op.HEAD_FORWARD);
        FloatBlock dBias = null;
        if (training) {
            dBias = worker.gradients.of(parameters.spec(outputBias));
            dBias.zero();
        }
        CrossEntropyKernel.apply(logits, (long) first * v, items, v, vocabularyBias, targets.labels(), targets.weights(), first, training,
                dBias, worker.tally);
        worker.timer.stop(Op.LOSS);
    }

    @Override
    public void backward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, FloatBlock gradientOut)
    {
        int h = config.hidden();
        int v = config.vocabularySize();
        int first = targets.firstItemFrom(shard.firstRow());
        int items = targets.firstItemFrom(shard.firstRow() + shard.rows()) - first;
        long at = (long) first * h;
        long logitsAt = (long) first * v;
        Gemm gemm = worker.gemm;
        GradientBlocks grads = worker.gradients;
        FloatBlock dGamma = grads.of(parameters.spec(normGamma));
        FloatBlock dBeta = grads.of(parameters.spec(normBeta));
        FloatBlock dBias = grads.of(parameters.spec(transformBias));
        dGamma.zero();
        dBeta.zero();
        dBias.zero();

        gemm.multiply(true, false, v, h, items, 1f, logits, logitsAt, v, transformed, at, h, 0f, worker.encoderGradients().token, 0, h);
        gemm.multiply(false, false, items, h, v, 1f, logits, logitsAt, v, encoder.token, 0, h, 0f, gradientTransformed, at, h);
        for (int item = first; item < first + items; item++) {
            long itemAt = (long) item * h;
            LayerNormKernel.backward(h, gradientTransformed, itemAt, xhat, itemAt, inverse.get(item), gamma, dGamma, dBeta,
                    gradientActivated, itemAt, null, 0, null, 0, null);
        }
        // The pre-activation is needed for nothing else: its derivative takes its place.
        ActivationKernel.geluDerivativeInPlace(config.activation(), items, h, pre, at);
        ActivationKernel.multiplyByDerivative(items, h, pre, at, gradientActivated, at, dBias);
        gemm.multiply(true, false, h, h, items, 1f, selected, at, h, gradientActivated, at, h, 0f,
                grads.of(parameters.spec(transformWeight)), 0, h);
        // The gradient of the selected rows, then scattered into the (otherwise zero) gradient of the sequence output.
        gemm.multiply(false, true, items, h, h, 1f, gradientActivated, at, h, weight, 0, h, 0f, gradientTransformed, at, h);
        Kernels.zero(gradientOut, (long) shard.firstRow() * h, (long) shard.rows() * h);
        int[] rows = targets.rows();
        for (int item = first; item < first + items; item++) {
            // Added, not copied: the graph's selection product would add the gradients of a position masked twice.
            Kernels.add(gradientOut, (long) rows[item] * h, gradientTransformed, (long) item * h, h);
        }
        worker.timer.stop(Op.HEAD_BACKWARD);
    }

    @Override
    public boolean writesTokenGradient()
    {
        return true;
    }

    @Override
    public List<String> parameterNames()
    {
        return List.of(transformWeight, transformBias, normGamma, normBeta, outputBias);
    }
}
