package org.ernie4j.core.engine.fused;

import java.util.concurrent.Phaser;

/**
 * Where the workers of one pass wait for each other between its parts, when one part reads what every worker wrote in
 * the part before (attention reads every row's projections). If a worker fails, the others must not wait for it for
 * ever: {@link #run} ends the barrier, and every worker waiting at it, or arriving later, stops with an exception.
 */
final class WorkerBarrier
{
    private final Phaser phaser;

    WorkerBarrier(int workers)
    {
        // A phaser spins briefly before it parks: the parts between barriers are short at batch 1.
        this.phaser = new Phaser(workers);
    }

    /** Waits until every worker has arrived here. */
    void await()
    {
        if (phaser.arriveAndAwaitAdvance() < 0) {
            throw new IllegalStateException("another worker of the split pass failed");
        }
    }

    /** Runs one worker's share, ending the barrier for the others if it fails. */
    void run(Runnable share)
    {
        try {
            share.run();
        }
        catch (RuntimeException | Error e) {
            phaser.forceTermination();
            throw e;
        }
    }
}
