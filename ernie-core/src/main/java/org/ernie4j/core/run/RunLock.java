package org.ernie4j.core.run;

import java.nio.file.Path;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.support.ExclusiveLock;

/**
 * An exclusive lock on a run directory, held while a process trains in it: two processes writing the same checkpoints
 * would corrupt each other. The operating system releases the lock when the process dies, so a crash never leaves a
 * stale lock behind.
 */
@PublicApi
public final class RunLock
        implements AutoCloseable
{
    private final ExclusiveLock lock;

    private RunLock(ExclusiveLock lock)
    {
        this.lock = lock;
    }

    /** Takes the lock of {@code runDirectory}, or fails naming the process that holds it. */
    public static RunLock acquire(Path runDirectory)
    {
        return new RunLock(ExclusiveLock.acquire(runDirectory.resolve("run.lock"), ExclusiveLock.Removal.KEEP, "run directory " + runDirectory,
                "stop it or choose another --run-dir"));
    }

    @Override
    public void close()
    {
        lock.close();
    }
}
