package org.ernie4j.core.engine.fused;

import java.util.List;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sequence classification: {@code logits = pooled Wc + bc} on the pooler's output, one item per sequence.
 */
final class SequenceHeadPass
        implements HeadPass
{
    private final EncoderConfig config;
    private final PoolerPass pooler;
    private final int classes;
    private final FloatBlock weight;
    private final FloatBlock bias;
    private final String weightName;
    private final String biasName;
    private final ModelParameters parameters;
    private FloatBlock logits = FloatBlock.allocate(0);

    SequenceHeadPass(EncoderConfig config, ModelParameters parameters, PoolerPass pooler, String taskName, int classes)
    {
        this.config = config;
        this.parameters = parameters;
        this.pooler = pooler;
        this.classes = classes;
        this.weightName = EncoderLayout.weight(HeadLayout.classifier(taskName));
        this.biasName = EncoderLayout.bias(HeadLayout.classifier(taskName));
        this.weight = FloatBlock.of(parameters.get(weightName));
        this.bias = FloatBlock.of(parameters.get(biasName));
    }

    @Override
    public void ensure(StepInputs inputs, HeadTargets targets)
    {
        pooler.ensure(inputs.size());
        if (logits.length() < inputs.size() * classes) {
            logits = FloatBlock.allocate((long) inputs.size() * classes);
        }
    }

    @Override
    public void forward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, boolean training)
    {
        int h = config.hidden();
        pooler.forward(shard, worker);
        long at = (long) shard.firstSequence() * classes;
        worker.gemm.multiply(false, false, shard.sequences(), classes, h, 1f, pooler.pooled(), (long) shard.firstSequence() * h, h,
                weight, 0, classes, 0f, logits, at, classes);
        worker.timer.stop(Op.HEAD_FORWARD);
        FloatBlock dBias = null;
        if (training) {
            dBias = worker.gradients.of(parameters.spec(biasName));
            dBias.zero();
        }
        CrossEntropyKernel.apply(logits, at, shard.sequences(), classes, bias, targets.labels(), targets.weights(),
                shard.firstSequence(), training, dBias, worker.tally);
        worker.timer.stop(Op.LOSS);
    }

    @Override
    public void forwardLogits(Shard shard, StepInputs inputs, Worker worker)
    {
        int h = config.hidden();
        pooler.forward(shard, worker);
        long at = (long) shard.firstSequence() * classes;
        worker.gemm.multiply(false, false, shard.sequences(), classes, h, 1f, pooler.pooled(), (long) shard.firstSequence() * h, h,
                weight, 0, classes, 0f, logits, at, classes);
        HeadLogits.addBias(logits, at, shard.sequences(), classes, bias);
    }

    @Override
    public INDArray logits(StepInputs inputs)
    {
        return HeadLogits.copy(logits, inputs.size(), classes);
    }

    @Override
    public void backward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, FloatBlock gradientOut)
    {
        int h = config.hidden();
        long at = (long) shard.firstSequence() * classes;
        long pooledAt = (long) shard.firstSequence() * h;
        FloatBlock dWeight = worker.gradients.of(parameters.spec(weightName));
        worker.gemm.multiply(true, false, h, classes, shard.sequences(), 1f, pooler.pooled(), pooledAt, h, logits, at, classes, 0f,
                dWeight, 0, classes);
        worker.gemm.multiply(false, true, shard.sequences(), h, classes, 1f, logits, at, classes, weight, 0, classes, 0f,
                pooler.gradient(), pooledAt, h);
        pooler.backward(shard, worker, gradientOut, true);
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
        return List.of(EncoderLayout.weight(EncoderLayout.POOLER), EncoderLayout.bias(EncoderLayout.POOLER), weightName, biasName);
    }
}
