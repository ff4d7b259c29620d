package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Classification: {@code logits = x Wc + bc} and the weighted cross-entropy of the logits, for rows {@code x} that depend
 * on the head. A sequence head reads the pooler's output, one item per sequence; a token head reads the sequence output
 * itself, one item per position (padding and unlabelled positions carry no weight). Everything else is the same, so the
 * two differ only in their {@link Rows}.
 */
final class ClassificationHeadPass
        implements HeadPass
{
    private final Rows rows;
    private final int hidden;
    private final int classes;
    private final FloatBlock weight;
    private final FloatBlock bias;
    private final String weightName;
    private final String biasName;
    private final ModelParameters parameters;
    private FloatBlock logits = FloatBlock.allocate(0);

    private ClassificationHeadPass(Rows rows, EncoderConfig config, ModelParameters parameters, String taskName, int classes)
    {
        this.rows = rows;
        this.hidden = config.hidden();
        this.parameters = parameters;
        this.classes = classes;
        this.weightName = EncoderLayout.weight(HeadLayout.classifier(taskName));
        this.biasName = EncoderLayout.bias(HeadLayout.classifier(taskName));
        this.weight = FloatBlock.of(parameters.get(weightName));
        this.bias = FloatBlock.of(parameters.get(biasName));
    }

    /** Sequence classification on the pooler's output, one item per sequence. */
    static ClassificationHeadPass sequence(EncoderConfig config, ModelParameters parameters, PoolerPass pooler, String taskName, int classes)
    {
        return new ClassificationHeadPass(new PooledRows(pooler), config, parameters, taskName, classes);
    }

    /** Token classification on the sequence output, one item per position. */
    static ClassificationHeadPass token(EncoderConfig config, ModelParameters parameters, Activations activations, String taskName, int classes)
    {
        return new ClassificationHeadPass(new PositionRows(config, activations), config, parameters, taskName, classes);
    }

    @Override
    public void ensure(StepInputs inputs, HeadTargets targets)
    {
        rows.ensure(inputs);
        long needed = (long) items(inputs) * classes;
        if (logits.length() < needed) {
            logits = FloatBlock.allocate(needed);
        }
    }

    @Override
    public void forward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, boolean training)
    {
        long at = multiply(shard, worker);
        worker.timer.stop(Op.HEAD_FORWARD);
        FloatBlock dBias = null;
        if (training) {
            dBias = worker.gradients.of(parameters.spec(biasName));
            dBias.zero();
        }
        CrossEntropyKernel.apply(logits, at, count(shard), classes, bias, targets.labels(), targets.weights(), first(shard),
                training, dBias, worker.tally);
        worker.timer.stop(Op.LOSS);
    }

    @Override
    public void forwardLogits(Shard shard, StepInputs inputs, Worker worker)
    {
        long at = multiply(shard, worker);
        HeadLogits.addBias(logits, at, count(shard), classes, bias);
    }

    @Override
    public INDArray logits(StepInputs inputs)
    {
        return HeadLogits.copy(logits, items(inputs), classes);
    }

    @Override
    public void backward(Shard shard, StepInputs inputs, HeadTargets targets, Worker worker, FloatBlock gradientOut)
    {
        int count = count(shard);
        long at = (long) first(shard) * classes;
        long inputAt = (long) first(shard) * hidden;
        FloatBlock dWeight = worker.gradients.of(parameters.spec(weightName));
        worker.gemm.multiply(true, false, hidden, classes, count, 1f, rows.input(), inputAt, hidden, logits, at, classes, 0f,
                dWeight, 0, classes);
        worker.gemm.multiply(false, true, count, hidden, classes, 1f, logits, at, classes, weight, 0, classes, 0f,
                rows.gradient(gradientOut), inputAt, hidden);
        rows.backward(shard, worker, gradientOut);
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
        List<String> names = new ArrayList<>(rows.parameterNames());
        names.add(weightName);
        names.add(biasName);
        return List.copyOf(names);
    }

    /** The shard's rows times the weight, without the bias, into the logits; returns where the shard's logits start. */
    private long multiply(Shard shard, Worker worker)
    {
        rows.forward(shard, worker);
        int first = first(shard);
        long at = (long) first * classes;
        worker.gemm.multiply(false, false, count(shard), classes, hidden, 1f, rows.input(), (long) first * hidden, hidden,
                weight, 0, classes, 0f, logits, at, classes);
        return at;
    }

    /** The batch's number of items. */
    private int items(StepInputs inputs)
    {
        return inputs.size() * rows.itemsPerSequence(inputs.length());
    }

    /** The shard's first item. */
    private int first(Shard shard)
    {
        return shard.firstSequence() * rows.itemsPerSequence(shard.length());
    }

    /** The shard's number of items. */
    private int count(Shard shard)
    {
        return shard.sequences() * rows.itemsPerSequence(shard.length());
    }

    /**
     * The rows a classification head reads, {@code [items, hidden]}, and the way the gradient of those rows reaches the
     * gradient of the sequence output. By default they are rows of the sequence output itself: nothing computes them,
     * and the head writes their gradient straight into the sequence output's.
     */
    private interface Rows
    {
        /** 1 for one item per sequence, {@code length} for one per position. */
        int itemsPerSequence(int length);

        /** The rows of the whole batch, {@code itemsPerSequence} a sequence. */
        FloatBlock input();

        /** Makes room for a batch. */
        default void ensure(StepInputs inputs)
        {
        }

        /** Computes the shard's rows. */
        default void forward(Shard shard, Worker worker)
        {
        }

        /** Where the head's backward pass writes the gradient of its rows. */
        default FloatBlock gradient(FloatBlock gradientOut)
        {
            return gradientOut;
        }

        /** Takes the gradient of the shard's rows on to the sequence output's, in {@code gradientOut}. */
        default void backward(Shard shard, Worker worker, FloatBlock gradientOut)
        {
        }

        /** The encoder parameters that compute the rows, whose gradients the head produces too. */
        default List<String> parameterNames()
        {
            return List.of();
        }
    }

    /** The pooler's output, one row per sequence; its gradient goes back through the pooler to the first positions. */
    private record PooledRows(PoolerPass pooler)
            implements Rows
    {
        @Override
        public int itemsPerSequence(int length)
        {
            return 1;
        }

        @Override
        public FloatBlock input()
        {
            return pooler.pooled();
        }

        @Override
        public void ensure(StepInputs inputs)
        {
            pooler.ensure(inputs.size());
        }

        @Override
        public void forward(Shard shard, Worker worker)
        {
            pooler.forward(shard, worker);
        }

        @Override
        public FloatBlock gradient(FloatBlock gradientOut)
        {
            return pooler.gradient();
        }

        @Override
        public void backward(Shard shard, Worker worker, FloatBlock gradientOut)
        {
            pooler.backward(shard, worker, gradientOut, true);
        }

        @Override
        public List<String> parameterNames()
        {
            return List.of(EncoderLayout.weight(EncoderLayout.POOLER), EncoderLayout.bias(EncoderLayout.POOLER));
        }
    }

    /** The sequence output, one row per position. */
    private record PositionRows(EncoderConfig config, Activations activations)
            implements Rows
    {
        @Override
        public int itemsPerSequence(int length)
        {
            return length;
        }

        @Override
        public FloatBlock input()
        {
            // Read at each use: the activations are reallocated for a larger batch.
            return activations.hidden[config.layers()];
        }
    }
}
