package org.ernie4j.core.engine.fused;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The parts of a pass split within sequences, in order, each cut into the same number of shares that any worker can
 * compute: a worker takes the next share of the current part that nobody has taken, and goes on to the next part once
 * every share of this one is done (attention reads every row's projections; the rows read every head's context). A
 * worker that the machine has not run yet holds nobody up: those that run take its shares, so on a loaded machine the
 * pass degrades to fewer workers instead of waiting for the slowest. Waiting spins for up to 100 microseconds before it
 * parks (the parts are that short at batch 1, and a parked thread takes as long to wake). If a share fails, every
 * worker waiting, or arriving later, stops with an exception that carries the failure.
 */
final class SharedParts
{
    private static final long SPIN_NANOS = 100_000;

    private final int shares;
    private final AtomicInteger[] taken;
    private final AtomicInteger[] done;
    private final Object lock = new Object();
    private volatile Throwable failure;

    SharedParts(int parts, int shares)
    {
        this.shares = shares;
        this.taken = new AtomicInteger[parts];
        this.done = new AtomicInteger[parts];
        for (int part = 0; part < parts; part++) {
            taken[part] = new AtomicInteger();
            done[part] = new AtomicInteger();
        }
    }

    int shares()
    {
        return shares;
    }

    /** Computes the untaken shares of {@code part} with {@code share}, then waits until all of them are done. */
    void run(int part, IntConsumer share)
    {
        for (int index = taken[part].getAndIncrement(); index < shares; index = taken[part].getAndIncrement()) {
            try {
                share.accept(index);
            }
            catch (RuntimeException | Error e) {
                synchronized (lock) {
                    if (failure == null) {
                        failure = e;
                    }
                    lock.notifyAll();
                }
                throw e;
            }
            if (done[part].incrementAndGet() == shares) {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }
        await(part);
    }

    private void await(int part)
    {
        AtomicInteger finished = done[part];
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (finished.get() < shares && failure == null && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        synchronized (lock) {
            while (finished.get() < shares && failure == null) {
                try {
                    lock.wait();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the other workers", e);
                }
            }
        }
        if (failure != null) {
            throw new IllegalStateException("a worker of the split pass failed", failure);
        }
    }
}
