package org.ernie4j.runner.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.model.optim.GradientClipping;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.training.LocalRounds;
import org.ernie4j.core.training.StepComputer;
import org.ernie4j.spi.example.Example;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The test's own reading of parameter averaging, without Spark and as plainly as it can be said: for each round, make
 * {@code replicas} whole copies of the model and its optimizer, let copy {@code r} take every step on rows
 * {@code [r n / R, (r + 1) n / R)} of the batch, then set every parameter and moment to the plain mean over all copies
 * (the update count to the largest). The step's loss is the copies' losses weighted by their shards' loss weights.
 * Meant for runs without dropout (the shards' dropout seeds are not modelled) and without a masked-LM batch per step.
 */
final class ReplicasInOneJvm
        implements LocalRounds
{
    private final StepComputer.Context context;
    private final int replicas;
    private final int stepsPerRound;

    private ReplicasInOneJvm(StepComputer.Context context, int replicas, int stepsPerRound)
    {
        this.context = context;
        this.replicas = replicas;
        this.stepsPerRound = stepsPerRound;
    }

    static StepComputer.Factory steps(int replicas, int stepsPerRound)
    {
        return context -> StepComputer.inRounds(new ReplicasInOneJvm(context, replicas, stepsPerRound));
    }

    @Override
    public int stepsPerRound()
    {
        return stepsPerRound;
    }

    @Override
    public List<Outcome> train(List<Step> steps, Optimizer optimizer, OptimizerSettings settings)
    {
        ModelParameters live = context.parameters();
        double[] weight = new double[steps.size()];
        double[] weightedLoss = new double[steps.size()];
        long[] correct = new long[steps.size()];
        long[] labelled = new long[steps.size()];
        double[] norms = new double[steps.size()];
        int[] normCount = new int[steps.size()];
        List<ModelParameters> copies = new ArrayList<>();
        List<Map<String, AdamW.Moments>> states = new ArrayList<>();
        for (int replica = 0; replica < replicas; replica++) {
            ModelParameters copy = new ModelParameters(DataType.FLOAT);
            live.names().forEach(name -> copy.add(live.spec(name), live.get(name).dup()));
            try (Execution execution = Execution.create(context.engine(), context.encoder(), copy, settings, 1)) {
                Optimizer own = execution.optimizer();
                Map<String, AdamW.Moments> start = new HashMap<>();
                optimizer.state().forEach((name, moments) -> start.put(name,
                        new AdamW.Moments(moments.first().dup(), moments.second().dup(), moments.updates())));
                own.restore(start);
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    List<Example> rows = step.main().batch().examples();
                    List<Example> part = rows.subList(replica * rows.size() / replicas, (replica + 1) * rows.size() / replicas);
                    Batch shard = Batch.of(part, context.padId(), step.main().batch().length());
                    double shardWeight = LossWeights.of(step.main().task().head(), shard);
                    if (shardWeight == 0) {
                        continue;
                    }
                    StepResult result = execution.engine().gradients(step.main().task(), shard, step.main().dropoutSeed());
                    weight[i] += shardWeight;
                    weightedLoss[i] += shardWeight * result.loss();
                    correct[i] += result.evaluation().correct();
                    labelled[i] += result.evaluation().labelled();
                    Map<String, INDArray> gradients = new HashMap<>(result.gradients());
                    double norm = own.gradientNorm(gradients);
                    norms[i] += norm;
                    normCount[i]++;
                    own.apply(gradients, step.learningRate(), GradientClipping.scale(norm, settings.clipNorm()));
                }
                Map<String, AdamW.Moments> end = new HashMap<>();
                own.state().forEach((name, moments) -> end.put(name,
                        new AdamW.Moments(moments.first().dup(), moments.second().dup(), moments.updates())));
                states.add(end);
            }
            copies.add(copy);
        }
        Map<String, AdamW.Moments> averaged = new HashMap<>();
        for (String name : live.names()) {
            INDArray sum = Nd4j.zerosLike(live.get(name));
            INDArray first = Nd4j.zerosLike(live.get(name));
            INDArray second = Nd4j.zerosLike(live.get(name));
            long updates = 0;
            for (int replica = 0; replica < replicas; replica++) {
                sum.addi(copies.get(replica).get(name));
                AdamW.Moments moments = states.get(replica).get(name);
                if (moments != null) {
                    first.addi(moments.first());
                    second.addi(moments.second());
                    updates = Math.max(updates, moments.updates());
                }
            }
            live.get(name).assign(sum.divi(replicas));
            if (updates > 0) {
                averaged.put(name, new AdamW.Moments(first.divi(replicas), second.divi(replicas), updates));
            }
        }
        optimizer.restore(averaged);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            outcomes.add(new Outcome(new Evaluation(weightedLoss[i] / weight[i], correct[i], labelled[i]), Double.NaN, norms[i] / normCount[i]));
        }
        return outcomes;
    }
}
