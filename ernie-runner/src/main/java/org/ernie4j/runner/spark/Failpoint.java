package org.ernie4j.runner.spark;

import org.apache.spark.TaskContext;

/**
 * A deliberate failure for tests of Spark's retries: the first attempt of one shard of one gradient job throws, later
 * attempts run normally. Set {@code spark.ernie4j.failpoint=JOB:SHARD} (both counted from 0; a job is one batch's
 * gradients) as a local property of the thread that trains ({@code setLocalProperty}), or in the Spark configuration.
 * It travels with each job's properties, so a worker reads it from its task's context.
 */
final class Failpoint
{
    static final String KEY = "spark.ernie4j.failpoint";

    private Failpoint()
    {
    }

    /** Throws if the failpoint names this shard of this job and this is the shard's first attempt. */
    static void check(long job, int shard)
    {
        TaskContext task = TaskContext.get();
        String value = task == null ? null : task.getLocalProperty(KEY);
        if (value == null || value.isBlank() || task.attemptNumber() > 0) {
            return;
        }
        String[] parts = value.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException(KEY + " must be JOB:SHARD, not " + value);
        }
        if (Long.parseLong(parts[0].trim()) == job && Integer.parseInt(parts[1].trim()) == shard) {
            throw new IllegalStateException("failpoint " + KEY + "=" + value + ": the first attempt of this shard fails on purpose");
        }
    }
}
