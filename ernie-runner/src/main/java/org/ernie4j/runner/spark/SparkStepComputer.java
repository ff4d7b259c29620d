package org.ernie4j.runner.spark;

import java.util.List;
import java.util.Optional;

import org.apache.spark.broadcast.Broadcast;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.training.LocalRounds;
import org.ernie4j.core.training.StepComputer;

import static java.util.Objects.requireNonNull;

/**
 * A batch's gradients computed by Spark: the driver broadcasts the parameters, splits the batch into one shard per
 * partition, each worker computes its shard's weighted loss and gradients, and Spark's {@code treeAggregate} adds them
 * up; the driver divides by the batch's loss weight. The result is the whole batch's gradient (synchronous data
 * parallelism), which the trainer then clips and applies with its optimizer as it does for a local step.
 *
 * <p>Dropout: shard 0 uses the step's dropout seed and shard {@code i} a seed mixed from it and {@code i}, so with one
 * partition a Spark run draws exactly the masks of a local run; with more, each shard's masks are as random as a local
 * run's but not the same draws.
 *
 * <p>Where the run averages parameters every K > 1 steps instead, the trainer hands whole rounds to {@link #rounds()}.
 */
final class SparkStepComputer
        implements StepComputer
{
    private final SparkJobs jobs;
    private final Optional<LocalRounds> rounds;

    SparkStepComputer(SparkJobs jobs, Optional<LocalRounds> rounds)
    {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.rounds = requireNonNull(rounds, "rounds is null");
    }

    @Override
    public Optional<LocalRounds> rounds()
    {
        return rounds;
    }

    @Override
    public StepResult gradients(TaskHead task, Batch batch, long dropoutSeed)
    {
        long started = System.nanoTime();
        long job = jobs.numbers().next();
        List<Shard> shards = BatchShards.split(job, task, batch, dropoutSeed, jobs.partitions(), jobs.padId());
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("task " + task.name() + ": the batch has no labelled item with a positive weight");
        }
        Broadcast<ParameterSnapshot> snapshot = jobs.spark().broadcast(ParameterSnapshot.of(jobs.parameters(), jobs.numbers().version(job)));
        try {
            long submitted = System.nanoTime();
            GradientSum sum = jobs.spark().parallelize(shards, shards.size())
                    .map(new ShardTask(snapshot, jobs.encoder(), jobs.engine(), jobs.workerThreads()))
                    .treeAggregate(GradientSum.empty(), GradientSum::add, GradientSum::add);
            long aggregated = System.nanoTime();
            if (sum.shards() != shards.size()) {
                throw new IllegalStateException("Spark returned " + sum.shards() + " shard results for " + shards.size() + " shards");
            }
            StepResult result = sum.toStepResult(jobs.parameters());
            jobs.times().add((submitted - started) / 1e9, (aggregated - submitted) / 1e9, sum.slowestSeconds(), (System.nanoTime() - aggregated) / 1e9);
            return result;
        }
        finally {
            snapshot.destroy();
        }
    }
}
