package org.ernie4j.core.embed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests that arrive while a call runs go together into the next call, oldest first, each caller getting its own
 * results; a call's failure reaches every caller in it and no other. The first call is held open by the work itself, and
 * each later caller is started only once the one before it waits, so the order of the queue is the order of the test.
 */
class TestRequestCoalescer
{
    private final List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstCallStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstCall = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void releaseEverything()
    {
        releaseFirstCall.countDown();
    }

    @Test
    void requestsThatArriveDuringACallGoTogetherIntoTheNextOne() throws Exception
    {
        RequestCoalescer<Integer, String> coalescer = new RequestCoalescer<>(holdingFirstCall(item -> "#" + item), 32);
        CompletableFuture<List<String>> first = submitted(coalescer, List.of(1));
        assertThat(firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<List<String>>> later = new ArrayList<>();
        for (int caller = 0; caller < 5; caller++) {
            later.add(submittedAndWaiting(coalescer, List.of(10 + caller)));
        }
        later.add(submittedAndWaiting(coalescer, List.of(20, 21, 22)));
        releaseFirstCall.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("#1");
        for (int caller = 0; caller < 5; caller++) {
            assertThat(later.get(caller).get(10, TimeUnit.SECONDS)).containsExactly("#" + (10 + caller));
        }
        assertThat(later.get(5).get(10, TimeUnit.SECONDS)).containsExactly("#20", "#21", "#22");
        assertThat(calls).containsExactly(List.of(1), List.of(10, 11, 12, 13, 14, 20, 21, 22));
        assertThat(coalescer.tally()).isEqualTo(new CallTally(2, 9));
    }

    @Test
    void aCallStopsGatheringAtItsSizeAndNeverSplitsARequest() throws Exception
    {
        RequestCoalescer<Integer, Integer> coalescer = new RequestCoalescer<>(holdingFirstCall(item -> -item), 4);
        CompletableFuture<List<Integer>> first = submitted(coalescer, List.of(1));
        assertThat(firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<List<Integer>>> later = List.of(
                submittedAndWaiting(coalescer, List.of(2, 3)),
                submittedAndWaiting(coalescer, List.of(4, 5, 6)),
                submittedAndWaiting(coalescer, List.of(7)),
                submittedAndWaiting(coalescer, List.of(8, 9, 10, 11, 12, 13)));
        releaseFirstCall.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(-1);
        assertThat(later.get(0).get(10, TimeUnit.SECONDS)).containsExactly(-2, -3);
        assertThat(later.get(1).get(10, TimeUnit.SECONDS)).containsExactly(-4, -5, -6);
        assertThat(later.get(2).get(10, TimeUnit.SECONDS)).containsExactly(-7);
        assertThat(later.get(3).get(10, TimeUnit.SECONDS)).containsExactly(-8, -9, -10, -11, -12, -13);
        // 2 + 3 would pass 4; 3 + 1 is 4; a request larger than a call still runs, alone.
        assertThat(calls).containsExactly(List.of(1), List.of(2, 3), List.of(4, 5, 6, 7), List.of(8, 9, 10, 11, 12, 13));
    }

    @Test
    void withNothingToGatherEachRequestRunsAlone() throws Exception
    {
        RequestCoalescer<Integer, Integer> coalescer = new RequestCoalescer<>(holdingFirstCall(item -> item * 2), 0);
        CompletableFuture<List<Integer>> first = submitted(coalescer, List.of(1));
        assertThat(firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Integer>> second = submittedAndWaiting(coalescer, List.of(2));
        CompletableFuture<List<Integer>> third = submittedAndWaiting(coalescer, List.of(3, 4));
        releaseFirstCall.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(2);
        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(4);
        assertThat(third.get(10, TimeUnit.SECONDS)).containsExactly(6, 8);
        assertThat(calls).containsExactly(List.of(1), List.of(2), List.of(3, 4));
    }

    @Test
    void aFailedCallFailsEveryRequestInItAndTheNextCallRuns() throws Exception
    {
        RequestCoalescer<Integer, Integer> coalescer = new RequestCoalescer<>(holdingFirstCall(item -> {
            if (item == 13) {
                throw new IllegalArgumentException("item 13 cannot be encoded");
            }
            return item;
        }), 2);
        CompletableFuture<List<Integer>> first = submitted(coalescer, List.of(1));
        assertThat(firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Integer>> beforeTheFailure = submittedAndWaiting(coalescer, List.of(12));
        CompletableFuture<List<Integer>> theFailure = submittedAndWaiting(coalescer, List.of(13));
        CompletableFuture<List<Integer>> after = submittedAndWaiting(coalescer, List.of(14));
        releaseFirstCall.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(1);
        // Whichever waiting caller ran the call sees the work's own exception; the others see it as the cause of one thrown
        // in their own threads.
        for (CompletableFuture<List<Integer>> failed : List.of(beforeTheFailure, theFailure)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("item 13 cannot be encoded");
        }
        assertThat(after.get(10, TimeUnit.SECONDS)).containsExactly(14);
        assertThat(calls).containsExactly(List.of(1), List.of(12, 13), List.of(14));
    }

    @Test
    void anInterruptedCallerStillGetsItsResultsAndKeepsItsInterrupt() throws Exception
    {
        RequestCoalescer<Integer, Integer> coalescer = new RequestCoalescer<>(holdingFirstCall(item -> item + 1), 32);
        CompletableFuture<List<Integer>> first = submitted(coalescer, List.of(1));
        assertThat(firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        CompletableFuture<List<Integer>> interrupted = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                interrupted.complete(coalescer.submit(List.of(5)));
                interruptKept.complete(Thread.currentThread().isInterrupted());
            }
            catch (RuntimeException e) {
                interrupted.completeExceptionally(e);
            }
        });
        caller.start();
        awaitWaiting(caller);
        caller.interrupt();
        releaseFirstCall.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(2);
        assertThat(interrupted.get(10, TimeUnit.SECONDS)).containsExactly(6);
        assertThat(interruptKept.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anEmptyRequestMakesNoCall()
    {
        RequestCoalescer<Integer, Integer> coalescer = new RequestCoalescer<>(items -> {
            throw new AssertionError("no call expected");
        }, 32);
        assertThat(coalescer.submit(List.of())).isEmpty();
        assertThat(coalescer.tally()).isEqualTo(new CallTally(0, 0));
    }

    @Test
    void workThatGivesTheWrongNumberOfResultsIsAnError()
    {
        RequestCoalescer<Integer, Integer> coalescer = new RequestCoalescer<>(items -> List.of(), 32);
        assertThatThrownBy(() -> coalescer.submit(List.of(1, 2))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the work gave 0 results for 2 items");
    }

    /** Work that applies {@code perItem} to each item, records each call's items, and holds the first call until released. */
    private <O> Function<List<Integer>, List<O>> holdingFirstCall(Function<Integer, O> perItem)
    {
        return items -> {
            calls.add(List.copyOf(items));
            if (calls.size() == 1) {
                firstCallStarted.countDown();
                try {
                    releaseFirstCall.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            List<O> results = new ArrayList<>();
            items.forEach(item -> results.add(perItem.apply(item)));
            return results;
        };
    }

    private <O> CompletableFuture<List<O>> submitted(RequestCoalescer<Integer, O> coalescer, List<Integer> items)
    {
        CompletableFuture<List<O>> result = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                result.complete(coalescer.submit(items));
            }
            catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "caller of " + items);
        started.add(caller);
        caller.start();
        return result;
    }

    /** Submits from a thread of its own and returns once that thread waits in the queue. */
    private <O> CompletableFuture<List<O>> submittedAndWaiting(RequestCoalescer<Integer, O> coalescer, List<Integer> items) throws InterruptedException
    {
        CompletableFuture<List<O>> result = submitted(coalescer, items);
        awaitWaiting(started.get(started.size() - 1));
        return result;
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as(thread.getName() + " waits in the queue within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
