package org.ernie4j.runner.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.broadcast.Broadcast;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.training.LocalRounds;
import org.ernie4j.core.training.TrainingDivergedException;

import static java.util.Objects.requireNonNull;

/**
 * Rounds of local steps on Spark (parameter averaging every K steps): the driver cuts every batch of the round into one
 * shard per partition as for gradient averaging, broadcasts the parameters and the optimizer's moments once, and each
 * partition's worker takes all the round's steps on its shards with an optimizer of its own; Spark's
 * {@code treeAggregate} adds the workers' parameters and moments and the driver divides them into the live ones. One
 * Spark job per round instead of one per step is what K buys: the job's fixed cost is shared by K steps.
 */
final class SparkRounds
        implements LocalRounds
{
    private final int stepsPerRound;
    private final SparkJobs jobs;

    SparkRounds(int stepsPerRound, SparkJobs jobs)
    {
        if (stepsPerRound < 2) {
            throw new IllegalArgumentException("a round of local steps needs at least 2 steps: " + stepsPerRound);
        }
        this.stepsPerRound = stepsPerRound;
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    @Override
    public int stepsPerRound()
    {
        return stepsPerRound;
    }

    @Override
    public List<Outcome> train(List<Step> steps, Optimizer optimizer, OptimizerSettings settings)
    {
        requireNonNull(optimizer, "optimizer is null");
        requireNonNull(settings, "settings is null");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a round needs steps");
        }
        long started = System.nanoTime();
        long job = jobs.numbers().next();
        List<ReplicaWork> works = works(job, steps);
        Broadcast<RoundStart> start = jobs.spark().broadcast(new RoundStart(ParameterSnapshot.of(jobs.parameters(), jobs.numbers().version(job)),
                MomentSnapshot.of(optimizer.state()), new OptimizerShape(settings)));
        try {
            long submitted = System.nanoTime();
            ReplicaSum sum = jobs.spark().parallelize(works, works.size())
                    .map(new ReplicaTask(start, jobs.encoder(), jobs.engine(), jobs.workerThreads()))
                    .treeAggregate(ReplicaSum.empty(steps.size()), ReplicaSum::add, ReplicaSum::add);
            long aggregated = System.nanoTime();
            if (sum.replicas() != works.size()) {
                throw new IllegalStateException("Spark returned " + sum.replicas() + " worker results for " + works.size() + " workers");
            }
            if (sum.divergedAnywhere()) {
                Step diverged = steps.get((int) (sum.divergedStep() - steps.get(0).step()));
                throw new TrainingDivergedException(diverged.step(), diverged.taskName(), sum.divergence());
            }
            sum.averageInto(jobs.parameters(), optimizer);
            jobs.times().add((submitted - started) / 1e9, (aggregated - submitted) / 1e9, sum.slowestSeconds(), (System.nanoTime() - aggregated) / 1e9);
            return sum.outcomes();
        }
        finally {
            start.destroy();
        }
    }

    /** Every batch of the round cut into shards, gathered by partition: each partition's worker gets its shard of every step. */
    private List<ReplicaWork> works(long job, List<Step> steps)
    {
        long first = steps.get(0).step();
        Map<Integer, List<ReplicaStep>> byPartition = new TreeMap<>();
        for (Step step : steps) {
            Map<Integer, Shard> main = byIndex(job, step.main());
            Map<Integer, Shard> auxiliary = step.auxiliary().map(input -> byIndex(job, input)).orElse(Map.of());
            for (int index = 0; index < jobs.partitions(); index++) {
                if (main.containsKey(index) || auxiliary.containsKey(index)) {
                    byPartition.computeIfAbsent(index, ignored -> new ArrayList<>())
                            .add(new ReplicaStep(step.step(), main.get(index), auxiliary.get(index), step.learningRate()));
                }
            }
        }
        if (byPartition.isEmpty()) {
            throw new IllegalArgumentException("no batch of the round from step " + first + " has a labelled item with a positive weight");
        }
        List<ReplicaWork> works = new ArrayList<>();
        byPartition.forEach((index, replicaSteps) -> works.add(new ReplicaWork(index, job, first, steps.size(), replicaSteps)));
        return works;
    }

    private Map<Integer, Shard> byIndex(long job, Input input)
    {
        Map<Integer, Shard> shards = new TreeMap<>();
        BatchShards.split(job, input.task(), input.batch(), input.dropoutSeed(), jobs.partitions(), jobs.padId()).forEach(shard -> shards.put(shard.index(), shard));
        return shards;
    }
}
