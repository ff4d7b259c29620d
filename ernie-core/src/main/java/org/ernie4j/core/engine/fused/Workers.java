package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed set of threads that run one task each, together: the calling thread is worker 0 and {@code count - 1}
 * daemon threads are the others. The fused engine gives each worker a share of the batch and the optimizer a share of
 * the parameters, so a step needs only a handful of hand-offs.
 */
public final class Workers
        implements AutoCloseable
{
    private final int count;
    private final ExecutorService helpers;

    public Workers(int count)
    {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one worker, not " + count);
        }
        this.count = count;
        AtomicInteger next = new AtomicInteger(1);
        this.helpers = count == 1 ? null : Executors.newFixedThreadPool(count - 1, runnable -> {
            Thread thread = new Thread(runnable, "ernie-fused-worker-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One worker per available processor. */
    public static Workers forThisMachine()
    {
        return new Workers(Runtime.getRuntime().availableProcessors());
    }

    public int count()
    {
        return count;
    }

    /** Runs {@code task.accept(w)} for every worker {@code w} at once and returns when all are done. */
    public void run(IntConsumer task)
    {
        run(count, task);
    }

    /** Runs {@code task.accept(w)} for workers {@code 0 .. used - 1} at once ({@code used <= count}). */
    public void run(int used, IntConsumer task)
    {
        run(used, task, false);
    }

    /**
     * As {@link #run(int, IntConsumer)}, for a task that shares its work out as it goes, so that any worker that runs
     * does the work of those that do not (see {@link SharedParts}): when worker 0 is done, a worker that has not started
     * yet (the machine has not run its thread) is not waited for, and will not run the task.
     */
    void runSharing(int used, IntConsumer task)
    {
        run(used, task, true);
    }

    private void run(int used, IntConsumer task, boolean sharing)
    {
        if (used < 1 || used > count) {
            throw new IllegalArgumentException("cannot use " + used + " of " + count + " workers");
        }
        if (used == 1) {
            task.accept(0);
            return;
        }
        List<Future<?>> others = new ArrayList<>(used - 1);
        List<AtomicBoolean> started = new ArrayList<>(used - 1);
        for (int worker = 1; worker < used; worker++) {
            int index = worker;
            AtomicBoolean claimed = new AtomicBoolean();
            started.add(claimed);
            others.add(helpers.submit(() -> {
                if (claimed.compareAndSet(false, true)) {
                    task.accept(index);
                }
            }));
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        }
        catch (RuntimeException e) {
            failure = e;
        }
        for (int other = 0; other < others.size(); other++) {
            if (sharing && started.get(other).compareAndSet(false, true)) {
                continue;
            }
            try {
                others.get(other).get();
            }
            catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("a fused-engine worker failed", e.getCause());
                if (failure == null) {
                    failure = cause;
                }
                else {
                    failure.addSuppressed(cause);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close()
    {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
