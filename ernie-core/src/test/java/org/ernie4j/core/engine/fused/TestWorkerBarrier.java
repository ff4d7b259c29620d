package org.ernie4j.core.engine.fused;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The barrier between the parts of a split pass: no worker passes a wait before every worker has finished the part
 * before it, wait after wait (short parts, released spinning, and a slow worker, released after parking); and a worker
 * that fails stops the others instead of leaving them waiting.
 */
@Timeout(120)
class TestWorkerBarrier
{
    @Test
    void noWorkerPassesAWaitBeforeAllHaveArrived()
    {
        int count = 3;
        int rounds = 2_000;
        AtomicIntegerArray done = new AtomicIntegerArray(count);
        try (Workers workers = new Workers(count)) {
            WorkerBarrier barrier = new WorkerBarrier(count);
            workers.run(w -> barrier.run(() -> {
                for (int round = 1; round <= rounds; round++) {
                    if (w == round % count && round % 500 == 0) {
                        sleep(5);
                    }
                    done.set(w, round);
                    barrier.await();
                    for (int other = 0; other < count; other++) {
                        // Another worker may already be at most one round ahead, never behind.
                        assertThat(done.get(other)).as("round of worker %d seen by %d", other, w).isBetween(round, round + 1);
                    }
                    barrier.await();
                }
            }));
        }
        for (int w = 0; w < count; w++) {
            assertThat(done.get(w)).isEqualTo(rounds);
        }
    }

    @Test
    void aFailingWorkerReleasesTheOthers()
    {
        try (Workers workers = new Workers(2)) {
            WorkerBarrier barrier = new WorkerBarrier(2);
            assertThatThrownBy(() -> workers.run(w -> barrier.run(() -> {
                if (w == 1) {
                    sleep(50);
                    throw new IllegalArgumentException("worker 1 fails");
                }
                barrier.await();
            }))).satisfiesAnyOf(
                    e -> assertThat(e).hasMessage("worker 1 fails"),
                    e -> assertThat(e).hasMessageContaining("another worker of the split pass failed"));
        }
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
