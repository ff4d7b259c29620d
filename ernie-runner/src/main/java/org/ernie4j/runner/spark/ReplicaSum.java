package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.training.LocalRounds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The workers' results of a round added up: what Spark's aggregation carries from the workers to the driver. For each
 * parameter a worker changed, the sums of its values and moments and how many workers changed it; for each step of the
 * round, the shards' weighted losses, their items predicted right and gradient norms; and the earliest step at which a
 * worker diverged, if one did. It is an accumulator that only lives inside one aggregation, hence mutable.
 *
 * <p>The average is over every worker that took part, each counting once: a worker that did not change a parameter
 * (its shards never reached that task's head) still holds the round's starting value and moments, and counts with them.
 * That is the plain average of the workers' copies, sent without the copies nobody changed.
 */
final class ReplicaSum
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final Map<String, float[]> values = new LinkedHashMap<>();
    private final Map<String, float[]> firstMoments = new HashMap<>();
    private final Map<String, float[]> secondMoments = new HashMap<>();
    private final Map<String, Integer> changedBy = new HashMap<>();
    private final Map<String, Long> updates = new HashMap<>();
    private final double[] weight;
    private final double[] weightedLoss;
    private final long[] correct;
    private final long[] labelled;
    private final double[] auxiliaryWeight;
    private final double[] weightedAuxiliaryLoss;
    private final double[] normSum;
    private final int[] norms;
    private int replicas;
    private long divergedStep = Long.MAX_VALUE;
    private String divergence;
    private double slowestSeconds;

    private ReplicaSum(int length)
    {
        weight = new double[length];
        weightedLoss = new double[length];
        correct = new long[length];
        labelled = new long[length];
        auxiliaryWeight = new double[length];
        weightedAuxiliaryLoss = new double[length];
        normSum = new double[length];
        norms = new int[length];
    }

    /** The empty sum of a round of {@code length} steps: Spark's zero value. */
    static ReplicaSum empty(int length)
    {
        return new ReplicaSum(length);
    }

    /** A worker's result in the making: {@link #step}, {@link #auxiliary} and then {@link #finish} or {@link #diverged}. */
    static ReplicaSum worker(int length)
    {
        ReplicaSum sum = new ReplicaSum(length);
        sum.replicas = 1;
        return sum;
    }

    /** The task's shard loss and items at place {@code position} of the round, weighted by the shard's loss weight. */
    void step(int position, double shardWeight, Evaluation evaluation)
    {
        weight[position] += shardWeight;
        weightedLoss[position] += shardWeight * evaluation.loss();
        correct[position] += evaluation.correct();
        labelled[position] += evaluation.labelled();
    }

    /** The masked-LM shard's loss added to the step at place {@code position}. */
    void auxiliary(int position, double shardWeight, double loss)
    {
        auxiliaryWeight[position] += shardWeight;
        weightedAuxiliaryLoss[position] += shardWeight * loss;
    }

    /** The global gradient norm the worker had before clipping at place {@code position}. */
    void norm(int position, double norm)
    {
        normSum[position] += norm;
        norms[position]++;
    }

    /** The worker stopped at {@code step}: its loss or gradient norm was not finite. Its parameters are not averaged. */
    void diverged(long step, String what)
    {
        if (step < divergedStep) {
            divergedStep = step;
            divergence = what;
        }
    }

    /** The worker's parameters and moments after its steps, for the parameters its steps changed. */
    void finish(ModelParameters parameters, Map<String, AdamW.Moments> moments, Set<String> changed, double seconds)
    {
        for (String name : changed) {
            AdamW.Moments state = moments.get(name);
            values.put(name, Floats.of(parameters.get(name)));
            firstMoments.put(name, Floats.of(state.first()));
            secondMoments.put(name, Floats.of(state.second()));
            changedBy.put(name, 1);
            updates.put(name, state.updates());
        }
        slowestSeconds = seconds;
    }

    /** Adds {@code other} into this sum and returns this. */
    ReplicaSum add(ReplicaSum other)
    {
        other.values.forEach((name, array) -> values.merge(name, array.clone(), Floats::addInto));
        other.firstMoments.forEach((name, array) -> firstMoments.merge(name, array.clone(), Floats::addInto));
        other.secondMoments.forEach((name, array) -> secondMoments.merge(name, array.clone(), Floats::addInto));
        other.changedBy.forEach((name, count) -> changedBy.merge(name, count, Integer::sum));
        other.updates.forEach((name, count) -> updates.merge(name, count, Math::max));
        for (int i = 0; i < weight.length; i++) {
            weight[i] += other.weight[i];
            weightedLoss[i] += other.weightedLoss[i];
            correct[i] += other.correct[i];
            labelled[i] += other.labelled[i];
            auxiliaryWeight[i] += other.auxiliaryWeight[i];
            weightedAuxiliaryLoss[i] += other.weightedAuxiliaryLoss[i];
            normSum[i] += other.normSum[i];
            norms[i] += other.norms[i];
        }
        replicas += other.replicas;
        if (other.divergence != null) {
            diverged(other.divergedStep, other.divergence);
        }
        slowestSeconds = Math.max(slowestSeconds, other.slowestSeconds);
        return this;
    }

    int replicas()
    {
        return replicas;
    }

    boolean divergedAnywhere()
    {
        return divergence != null;
    }

    long divergedStep()
    {
        return divergedStep;
    }

    String divergence()
    {
        return divergence;
    }

    double slowestSeconds()
    {
        return slowestSeconds;
    }

    /**
     * Writes the average of the workers' copies into the live parameters and the optimizer: a parameter changed by
     * {@code c} of the {@code n} workers averages their {@code c} values with {@code n - c} times its starting value
     * (moments likewise); its update count is the largest any worker reached, where Adam's bias correction has got to.
     */
    void averageInto(ModelParameters parameters, Optimizer optimizer)
    {
        Map<String, AdamW.Moments> state = new HashMap<>(optimizer.state());
        values.forEach((name, sum) -> {
            INDArray live = parameters.get(name);
            long[] shape = live.shape();
            int unchanged = replicas - changedBy.get(name);
            AdamW.Moments before = state.get(name);
            float[] zeros = new float[sum.length];
            float[] first = average(firstMoments.get(name), before == null ? zeros : Floats.of(before.first()), unchanged);
            float[] second = average(secondMoments.get(name), before == null ? zeros : Floats.of(before.second()), unchanged);
            long count = Math.max(updates.get(name), before == null ? 0 : before.updates());
            live.assign(Nd4j.create(average(sum, Floats.of(live), unchanged), shape, 'c'));
            state.put(name, new AdamW.Moments(Nd4j.create(first, shape, 'c'), Nd4j.create(second, shape, 'c'), count));
        });
        optimizer.restore(state);
    }

    /** Each step's measurements over the workers, in the round's order. */
    List<LocalRounds.Outcome> outcomes()
    {
        LocalRounds.Outcome[] outcomes = new LocalRounds.Outcome[weight.length];
        for (int i = 0; i < weight.length; i++) {
            double loss = weight[i] > 0 ? weightedLoss[i] / weight[i] : Double.NaN;
            double auxiliaryLoss = auxiliaryWeight[i] > 0 ? weightedAuxiliaryLoss[i] / auxiliaryWeight[i] : Double.NaN;
            double norm = norms[i] > 0 ? normSum[i] / norms[i] : Double.NaN;
            outcomes[i] = new LocalRounds.Outcome(new Evaluation(loss, correct[i], labelled[i]), auxiliaryLoss, norm);
        }
        return List.of(outcomes);
    }

    private float[] average(float[] sum, float[] start, int unchanged)
    {
        float[] average = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            average[i] = (float) (((double) sum[i] + (double) unchanged * start[i]) / replicas);
        }
        return average;
    }
}
