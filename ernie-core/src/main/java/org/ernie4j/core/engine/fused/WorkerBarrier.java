package org.ernie4j.core.engine.fused;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the workers of one pass wait for each other between its parts, when one part reads what every worker wrote in
 * the part before (attention reads every row's projections). The parts between waits are short at batch 1 (tens to
 * hundreds of microseconds) and even, so a worker first spins for a while, as BLAS's and ONNX Runtime's threads do: a
 * parked thread takes tens of microseconds to wake, more on a loaded machine, which would cost as much as the parts.
 * Only a longer wait parks. If a worker fails, the others must not wait for it for ever: {@link #run} breaks the
 * barrier, and every worker waiting at it, or arriving later, stops with an exception.
 */
final class WorkerBarrier
{
    private static final long SPIN_NANOS = 100_000;

    private final int workers;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Object lock = new Object();
    private volatile int generation;
    private volatile boolean broken;

    WorkerBarrier(int workers)
    {
        this.workers = workers;
    }

    /** Waits until every worker has arrived here. */
    void await()
    {
        int waitingFor = generation;
        if (arrived.incrementAndGet() == workers) {
            // Reset before release: a released worker may arrive at the next wait at once.
            arrived.set(0);
            synchronized (lock) {
                generation = waitingFor + 1;
                lock.notifyAll();
            }
            return;
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (generation == waitingFor && !broken && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        synchronized (lock) {
            while (generation == waitingFor && !broken) {
                try {
                    lock.wait();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the other workers", e);
                }
            }
        }
        if (broken) {
            throw new IllegalStateException("another worker of the split pass failed");
        }
    }

    /** Runs one worker's share, breaking the barrier for the others if it fails. */
    void run(Runnable share)
    {
        try {
            share.run();
        }
        catch (RuntimeException | Error e) {
            synchronized (lock) {
                broken = true;
                lock.notifyAll();
            }
            throw e;
        }
    }
}
