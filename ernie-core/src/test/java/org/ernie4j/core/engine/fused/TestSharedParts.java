package org.ernie4j.core.engine.fused;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parts of a split pass: every share of every part is computed once, no share of a part starts before every share
 * of the part before is done (with short parts, and with a slow worker now and then), one worker alone computes them
 * all, and a failing share stops the other workers with its failure instead of leaving them waiting.
 */
@Timeout(120)
class TestSharedParts
{
    @Test
    void everyShareOnceAndPartsInOrder()
    {
        int count = 3;
        int partCount = 1_000;
        AtomicIntegerArray computed = new AtomicIntegerArray(partCount * count);
        AtomicIntegerArray partsDone = new AtomicIntegerArray(partCount);
        try (Workers workers = new Workers(count)) {
            SharedParts parts = new SharedParts(partCount, count);
            workers.run(w -> {
                for (int part = 0; part < partCount; part++) {
                    int current = part;
                    parts.run(part, share -> {
                        if (current > 0) {
                            assertThat(partsDone.get(current - 1)).as("shares of part %d done before part %d", current - 1, current)
                                    .isEqualTo(count);
                        }
                        if (current % 250 == 0 && share == 0) {
                            sleep(5);
                        }
                        computed.incrementAndGet(current * count + share);
                        partsDone.incrementAndGet(current);
                    });
                }
            });
        }
        for (int index = 0; index < partCount * count; index++) {
            assertThat(computed.get(index)).as("times share %d of part %d was computed", index % count, index / count).isEqualTo(1);
        }
    }

    @Test
    void oneWorkerAloneComputesEveryShare()
    {
        SharedParts parts = new SharedParts(3, 4);
        AtomicIntegerArray computed = new AtomicIntegerArray(12);
        for (int part = 0; part < 3; part++) {
            int current = part;
            parts.run(part, share -> computed.incrementAndGet(current * 4 + share));
        }
        for (int index = 0; index < 12; index++) {
            assertThat(computed.get(index)).isEqualTo(1);
        }
    }

    @Test
    void aFailingShareStopsTheOthers()
    {
        try (Workers workers = new Workers(2)) {
            SharedParts parts = new SharedParts(2, 2);
            assertThatThrownBy(() -> workers.run(w -> {
                parts.run(0, share -> {
                    if (share == 1) {
                        sleep(50);
                        throw new IllegalArgumentException("share 1 fails");
                    }
                });
                parts.run(1, share -> { });
            })).satisfiesAnyOf(
                    e -> assertThat(e).hasMessage("share 1 fails"),
                    e -> assertThat(e).hasMessageContaining("a worker of the split pass failed").hasRootCauseMessage("share 1 fails"));
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
