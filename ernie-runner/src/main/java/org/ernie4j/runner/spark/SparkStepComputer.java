package org.ernie4j.runner.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.random.Seeds;
import org.ernie4j.core.train.StepComputer;
import org.ernie4j.spi.example.Batch;
import org.ernie4j.spi.example.Example;

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
 */
final class SparkStepComputer
        implements StepComputer
{
    private static final long SHARD_STREAM = 0x5348415244L;
    /** Numbers the step computers of this JVM, so that their snapshot versions never meet in a worker's engine. */
    private static final AtomicLong COMPUTERS = new AtomicLong();

    private final JavaSparkContext spark;
    private final int partitions;
    private final ModelParameters parameters;
    private final EncoderShape encoder;
    private final EngineKind engine;
    private final int workerThreads;
    private final int padId;
    private final SparkStepTimes times;
    private final long versions;
    private long jobs;

    SparkStepComputer(JavaSparkContext spark, int partitions, ModelParameters parameters, EncoderShape encoder, EngineKind engine,
            int workerThreads, int padId, SparkStepTimes times)
    {
        this.spark = requireNonNull(spark, "spark is null");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        this.partitions = partitions;
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.encoder = requireNonNull(encoder, "encoder is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.workerThreads = workerThreads;
        this.padId = padId;
        this.times = requireNonNull(times, "times is null");
        // Snapshot versions must differ from those of an earlier run whose engines the workers still hold (local mode,
        // several runs in one JVM); a worker compares versions, not contents.
        this.versions = COMPUTERS.incrementAndGet() << 40;
    }

    @Override
    public StepResult gradients(TaskHead task, Batch batch, long dropoutSeed)
    {
        long started = System.nanoTime();
        ShardHead head = ShardHead.of(task);
        long job = jobs++;
        List<Shard> shards = split(job, head, task, batch, dropoutSeed);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("task " + task.name() + ": the batch has no labelled item with a positive weight");
        }
        Broadcast<ParameterSnapshot> snapshot = spark.broadcast(ParameterSnapshot.of(parameters, versions + job));
        try {
            long submitted = System.nanoTime();
            GradientSum sum = spark.parallelize(shards, shards.size())
                    .map(new ShardTask(snapshot, encoder, engine, workerThreads))
                    .treeAggregate(GradientSum.empty(), GradientSum::add, GradientSum::add);
            long aggregated = System.nanoTime();
            if (sum.shards() != shards.size()) {
                throw new IllegalStateException("Spark returned " + sum.shards() + " shard results for " + shards.size() + " shards");
            }
            StepResult result = sum.toStepResult(parameters);
            times.add((submitted - started) / 1e9, (aggregated - submitted) / 1e9, sum.slowestSeconds(), (System.nanoTime() - aggregated) / 1e9);
            return result;
        }
        finally {
            snapshot.destroy();
        }
    }

    /** Consecutive rows per partition, sizes differing by one at most; a shard whose items carry no weight adds nothing. */
    private List<Shard> split(long job, ShardHead head, TaskHead task, Batch batch, long dropoutSeed)
    {
        List<Example> rows = batch.examples();
        int count = Math.min(partitions, rows.size());
        List<Shard> shards = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            List<Example> part = rows.subList(index * rows.size() / count, (index + 1) * rows.size() / count);
            double weight = LossWeights.of(task.head(), Batch.of(part, padId, batch.length()));
            if (weight > 0) {
                long seed = index == 0 ? dropoutSeed : Seeds.mix(dropoutSeed, SHARD_STREAM, index);
                shards.add(new Shard(index, job, head, part.stream().map(ShardExample::of).toList(), padId, batch.length(), seed, weight));
            }
        }
        return shards;
    }
}
