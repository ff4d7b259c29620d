package org.ernie4j.runner.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.ernie4j.core.embed.CallTally;
import org.ernie4j.core.embed.TextEncoder;

import static java.util.Objects.requireNonNull;

/**
 * Callers on threads of their own, each embedding one text per call as a service's request threads would, for a fixed
 * time: sentences per second over all callers, each call's latency, and how many texts the encoder's engine calls held.
 */
public final class ConcurrentCallers
{
    private ConcurrentCallers()
    {
    }

    /**
     * @param sentencesPerSecond texts answered per second by calls that started and ended in the timed window
     * @param medianMillis the median latency of those calls
     * @param p90Millis their 90th percentile
     * @param textsPerCall texts per engine call over the timed window
     */
    public record Point(double sentencesPerSecond, double medianMillis, double p90Millis, double textsPerCall)
    {
    }

    /**
     * Runs {@code callers} threads against the encoder, untimed for {@code warmupSeconds}, then timed for {@code seconds}.
     * Caller {@code i} starts at text {@code 7 i} of {@code texts} and walks on, so callers ask for different texts.
     */
    public static Point measure(TextEncoder encoder, List<String> texts, int callers, double warmupSeconds, double seconds)
    {
        requireNonNull(encoder, "encoder is null");
        if (texts.isEmpty() || callers < 1 || !(seconds > 0) || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("need texts, at least one caller and a positive time, not " + texts.size() + " texts, " + callers
                    + " callers, " + seconds + " s");
        }
        long start = System.nanoTime();
        long timedFrom = start + (long) (warmupSeconds * 1e9);
        long timedTo = timedFrom + (long) (seconds * 1e9);
        AtomicLong answered = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            int first = 7 * caller;
            long[] own = new long[1 << 16];
            latencies.add(own);
            Thread thread = new Thread(() -> {
                int next = first;
                int count = 0;
                while (true) {
                    long callStart = System.nanoTime();
                    if (callStart >= timedTo) {
                        break;
                    }
                    encoder.embed(List.of(texts.get(next++ % texts.size())), true);
                    long callEnd = System.nanoTime();
                    if (callStart >= timedFrom && callEnd <= timedTo && count < own.length - 1) {
                        own[++count] = callEnd - callStart;
                        answered.incrementAndGet();
                    }
                }
                own[0] = count;
            }, "caller " + caller);
            thread.setUncaughtExceptionHandler((failed, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        CallTally before = tallyAt(encoder, timedFrom);
        CallTally during = tallyAt(encoder, timedTo).since(before);
        for (Thread thread : threads) {
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the callers ran", e);
            }
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a caller failed: " + failures.get(0).getMessage(), failures.get(0));
            }
        }
        long[] all = latencies.stream().flatMapToLong(own -> Arrays.stream(own, 1, (int) own[0] + 1)).sorted().toArray();
        if (all.length == 0) {
            throw new IllegalStateException("no call started and ended within the " + seconds + " s timed: time longer");
        }
        return new Point(answered.get() / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.9)] / 1e6, during.textsPerCall());
    }

    private static CallTally tallyAt(TextEncoder encoder, long nanoTime)
    {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the callers ran", e);
            }
        }
        return encoder.callTally();
    }
}
