package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * Shards' losses and gradients, each scaled by the shard's loss weight, added up: what Spark's aggregation carries from
 * the workers to the driver. Dividing by the summed weight gives the whole batch's loss and gradients (see
 * {@link LossWeights}). It is an accumulator that only lives inside one aggregation, hence mutable.
 */
final class GradientSum
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final Map<String, float[]> gradients = new LinkedHashMap<>();
    private double weight;
    private double weightedLoss;
    private long correct;
    private long labelled;
    private int shards;
    private double slowestSeconds;

    /** The empty sum: Spark's zero value. */
    static GradientSum empty()
    {
        return new GradientSum();
    }

    /** One shard's result, scaled by the shard's weight; {@code seconds} is what computing it took on the worker. */
    static GradientSum of(StepResult result, double weight, double seconds)
    {
        requireNonNull(result, "result is null");
        GradientSum sum = new GradientSum();
        sum.weight = weight;
        sum.weightedLoss = weight * result.loss();
        sum.correct = result.evaluation().correct();
        sum.labelled = result.evaluation().labelled();
        sum.shards = 1;
        sum.slowestSeconds = seconds;
        result.gradients().forEach((name, gradient) -> {
            float[] values = gradient.dup('c').data().asFloat();
            float scale = (float) weight;
            for (int i = 0; i < values.length; i++) {
                values[i] *= scale;
            }
            sum.gradients.put(name, values);
        });
        return sum;
    }

    /** Adds {@code other} into this sum and returns this. */
    GradientSum add(GradientSum other)
    {
        weight += other.weight;
        weightedLoss += other.weightedLoss;
        correct += other.correct;
        labelled += other.labelled;
        shards += other.shards;
        slowestSeconds = Math.max(slowestSeconds, other.slowestSeconds);
        other.gradients.forEach((name, values) -> gradients.merge(name, values.clone(), Floats::addInto));
        return this;
    }

    int shards()
    {
        return shards;
    }

    /** The longest a shard's gradient computation took on its worker. */
    double slowestSeconds()
    {
        return slowestSeconds;
    }

    /** The whole batch's result: the weighted sums divided by the total weight, shaped as the parameters are. */
    StepResult toStepResult(ModelParameters parameters)
    {
        if (!(weight > 0)) {
            throw new IllegalStateException("no shard of the batch had a labelled item");
        }
        Map<String, INDArray> averaged = new LinkedHashMap<>();
        float inverse = (float) (1.0 / weight);
        gradients.forEach((name, values) -> {
            float[] scaled = Arrays.copyOf(values, values.length);
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= inverse;
            }
            averaged.put(name, Nd4j.create(scaled, parameters.get(name).shape(), 'c'));
        });
        return new StepResult(new Evaluation(weightedLoss / weight, correct, labelled), averaged);
    }
}
