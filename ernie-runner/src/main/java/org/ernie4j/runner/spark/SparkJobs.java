package org.ernie4j.runner.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.model.ModelParameters;

import static java.util.Objects.requireNonNull;

/**
 * What the Spark jobs of one session are made with, whether a job computes a step's gradients or trains a round: the
 * context, the shards per batch, the live parameters the driver broadcasts, the model and engine the workers build, and
 * where the jobs' numbers and times are kept.
 *
 * @param workerThreads the engine threads of each shard (Spark's cores per task)
 * @param padId the vocabulary's padding id, for the shards' batches
 */
record SparkJobs(JavaSparkContext spark, int partitions, ModelParameters parameters, EncoderShape encoder, EngineKind engine, int workerThreads,
        int padId, SparkStepTimes times, JobNumbers numbers)
{
    SparkJobs
    {
        requireNonNull(spark, "spark is null");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        requireNonNull(parameters, "parameters is null");
        requireNonNull(encoder, "encoder is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(times, "times is null");
        requireNonNull(numbers, "numbers is null");
    }
}
