package org.ernie4j.runner.spark;

import java.util.Optional;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ernie4j.core.training.LocalRounds;
import org.ernie4j.core.training.StepComputer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Data-parallel pre-training on an Apache Spark cluster (or {@code local[N]} threads): a Spark context and the step
 * computer that sends each step's gradients to it. The driver keeps everything else (label generation, the schedule,
 * the optimizer, checkpoints, metrics), so a run's directory looks the same as a single-machine run's and either can
 * resume the other.
 */
public final class SparkTraining
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SparkTraining.class);
    /** The {@code --spark} value that takes the master from the Spark configuration, as {@code spark-submit} sets it. */
    public static final String FROM_SUBMIT = "submit";

    private final JavaSparkContext spark;
    private final boolean owned;
    private final int partitions;
    private final int averageEvery;
    private final SparkStepTimes times = new SparkStepTimes();

    private SparkTraining(JavaSparkContext spark, boolean owned, int partitions, int averageEvery)
    {
        this.spark = spark;
        this.owned = owned;
        this.partitions = partitions;
        this.averageEvery = averageEvery;
    }

    private static int checkedAverageEvery(int averageEvery)
    {
        if (averageEvery < 1) {
            throw new IllegalArgumentException("--spark-average-every must be at least 1 (gradients every step): " + averageEvery);
        }
        return averageEvery;
    }

    /**
     * Starts a Spark context.
     *
     * @param master a master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn}, ...) or {@link #FROM_SUBMIT}
     * @param partitions shards per batch; empty for Spark's default parallelism (the cores of the cluster)
     * @param averageEvery 1 to average gradients every step; K > 1 to let each worker take K local steps and average
     *         parameters and optimizer moments every K steps
     */
    public static SparkTraining start(String master, Optional<Integer> partitions, int averageEvery)
    {
        requireNonNull(master, "master is null");
        checkedAverageEvery(averageEvery);
        JavaSparkContext context = context(master, "ernie4j pretrain");
        try {
            return new SparkTraining(context, true, partitions.orElse(context.defaultParallelism()), averageEvery);
        }
        catch (RuntimeException e) {
            context.stop();
            throw e;
        }
    }

    /**
     * A context for {@code master}, or, for {@link #FROM_SUBMIT}, the one spark-submit set up; a {@link Failpoint} in its
     * configuration travels with the jobs of the calling thread.
     *
     * @throws IllegalArgumentException for {@link #FROM_SUBMIT} outside spark-submit
     */
    static JavaSparkContext context(String master, String application)
    {
        requireNonNull(master, "master is null");
        SparkConf conf = new SparkConf().setAppName(application);
        if (!master.equals(FROM_SUBMIT)) {
            conf.setMaster(master);
        }
        else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--spark " + FROM_SUBMIT + " takes the master from spark-submit, but spark.master is not set;"
                    + " start with spark-submit or name a master URL such as local[2]");
        }
        // The run directory's console belongs to the training progress; Spark's own progress bar would interleave with it.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        JavaSparkContext context = new JavaSparkContext(conf);
        if (conf.contains(Failpoint.KEY)) {
            context.setLocalProperty(Failpoint.KEY, conf.get(Failpoint.KEY));
        }
        return context;
    }

    /** Trains on a Spark context that someone else owns (and stops), such as a test's, averaging gradients every step. */
    public static SparkTraining using(JavaSparkContext spark, int partitions)
    {
        return using(spark, partitions, 1);
    }

    /** Trains on a Spark context that someone else owns, averaging every {@code averageEvery} steps (see {@link #start}). */
    public static SparkTraining using(JavaSparkContext spark, int partitions, int averageEvery)
    {
        return new SparkTraining(requireNonNull(spark, "spark is null"), false, partitions, checkedAverageEvery(averageEvery));
    }

    /**
     * Makes the step computer of a session: batches split into {@link #partitions()} shards, gradients averaged by Spark
     * every step, or parameters every {@link #averageEvery()} steps.
     */
    public StepComputer.Factory steps()
    {
        return steps(averageEvery);
    }

    /** Makes step computers that average every {@code averageEvery} steps on this context (the benchmark compares several). */
    public StepComputer.Factory steps(int averageEvery)
    {
        checkedAverageEvery(averageEvery);
        return context -> {
            int workerThreads = workerThreads();
            LOG.info("Spark: master {}, {} shards per batch, {} engine thread(s) per shard, {}", spark.master(), partitions, workerThreads,
                    averageEvery == 1 ? "gradients averaged every step" : "parameters averaged every " + averageEvery + " steps");
            SparkJobs jobs = new SparkJobs(spark, partitions, context.parameters(), new EncoderShape(context.encoder()), context.engine(), workerThreads,
                    context.padId(), times, new JobNumbers());
            Optional<LocalRounds> rounds = averageEvery == 1 ? Optional.empty() : Optional.of(new SparkRounds(averageEvery, jobs));
            return new SparkStepComputer(jobs, rounds);
        };
    }

    /** 1 when gradients are averaged every step; else the steps between parameter averages. */
    public int averageEvery()
    {
        return averageEvery;
    }

    /** Where the time of this context's steps went (every run's steps since the last reset). */
    public SparkStepTimes times()
    {
        return times;
    }

    public int partitions()
    {
        return partitions;
    }

    public String version()
    {
        return spark.version();
    }

    /** The engine threads of each shard: Spark's cores per task. */
    public int workerThreads()
    {
        return spark.getConf().getInt("spark.task.cpus", 1);
    }

    public String master()
    {
        return spark.master();
    }

    @Override
    public void close()
    {
        try {
            if (owned) {
                spark.stop();
            }
        }
        finally {
            // In local mode the workers were threads of this JVM: their engines hold native memory.
            WorkerEngines.closeAll();
        }
    }
}
