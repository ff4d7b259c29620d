package org.ernie4j.runner.spark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers the Spark jobs of one run, and the parameter snapshot versions that go with them. Versions must differ from
 * those of an earlier run whose engines the workers still hold (local mode, several runs in one JVM): a worker compares
 * versions, not contents.
 */
final class JobNumbers
{
    private static final AtomicLong RUNS = new AtomicLong();

    private final long versions = RUNS.incrementAndGet() << 40;
    private long next;

    /** The next job's number, from 0. */
    long next()
    {
        return next++;
    }

    /** The snapshot version of job {@code job}. */
    long version(long job)
    {
        return versions + job;
    }
}
