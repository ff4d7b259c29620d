package org.ernie4j.core.engine.fused;

import java.util.List;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Token classification: {@code logits = sequence Wc + bc} for every position, one item per position (padding and
 * unlabelled positions carry no weight).
 */
final class TokenHeadPass
        implements HeadPass
{
    private final EncoderConfig config;
    private final Activations activations;
    private final int classes;
    private final FloatBlock weight;
    private final FloatBlock bias;
    private final String weightName;
    private final String biasName;
    private final ModelParameters parameters;
    private FloatBlock logits = FloatBlock.allocate(0);

    TokenHeadPass(EncoderConfig config, ModelParameters parameters, Activations activations, String taskName, int classes)
    {
        this.config = config;
        this.parameters = parameters;
        this.activations = activations;
        this.classes = classes;
        this.weightName = EncoderLayout.weight(HeadLayout.classifier(taskName));
        this.biasName = EncoderLayout.bias(HeadLayout.classifier(taskName));
        this.weight = FloatBlock.of(parameters.get(weightName));
        this.bias = FloatBlock.of(parameters.get(biasName));
    }

    @Override
    public void ensure(StepInputs inputs, HeadTargets targets)
    {
        if (logits.length() < (long) inputs.rows() * classes) {
            logits = FloatBlock.allocate((long) inputs.rows() * classes);
        }
    }

    @Override
    public void forward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, boolean training)
    {
        int h = config.hidden();
        long at = (long) shard.firstRow() * classes;
        worker.gemm.multiply(false, false, shard.rows(), classes, h, 1f, activations.hidden[config.layers()], (long) shard.firstRow() * h, h,
                weight, 0, classes, 0f, logits, at, classes);
        worker.timer.stop(Op.HEAD_FORWARD);
        FloatBlock dBias = null;
        if (training) {
            dBias = worker.gradients.of(parameters.spec(biasName));
            dBias.zero();
        }
        CrossEntropyKernel.apply(logits, at, shard.rows(), classes, bias, targets.labels(), targets.weights(), shard.firstRow(), training,
                dBias, worker.tally);
        worker.timer.stop(Op.LOSS);
    }

    @Override
    public void forwardLogits(Shard shard, StepInputs inputs, Worker worker)
    {
        int h = config.hidden();
        long at = (long) shard.firstRow() * classes;
        worker.gemm.multiply(false, false, shard.rows(), classes, h, 1f, activations.hidden[config.layers()], (long) shard.firstRow() * h, h,
                weight, 0, classes, 0f, logits, at, classes);
        HeadLogits.addBias(logits, at, shard.rows(), classes, bias);
    }

    @Override
    public INDArray logits(StepInputs inputs)
    {
        return HeadLogits.copy(logits, inputs.rows(), classes);
    }

    @Override
    public void backward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, FloatBlock gradientOut)
    {
        int h = config.hidden();
        long at = (long) shard.firstRow() * classes;
        FloatBlock dWeight = worker.gradients.of(parameters.spec(weightName));
        worker.gemm.multiply(true, false, h, classes, shard.rows(), 1f, activations.hidden[config.layers()], (long) shard.firstRow() * h, h,
                logits, at, classes, 0f, dWeight, 0, classes);
        worker.gemm.multiply(false, true, shard.rows(), h, classes, 1f, logits, at, classes, weight, 0, classes, 0f,
                gradientOut, (long) shard.firstRow() * h, h);
        worker.timer.stop(Op.HEAD_BACKWARD);
    }

    @Override
    public boolean writesTokenGradient()
    {
        return false;
    }

    @Override
    public List<String> parameterNames()
    {
        return List.of(weightName, biasName);
    }
}
