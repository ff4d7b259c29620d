package org.ernie4j.core.embed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Runs the requests of concurrent callers together, so that a service whose threads each ask for one text gets the
 * throughput of a batch. The engines run one call at a time; while one runs, requests queue, and the next call takes
 * every queued request, oldest first, until it holds {@code gather} items. A caller that finds no call running starts one
 * at once: nothing waits on a timer, so a lone caller sees no added latency.
 *
 * <p>No dispatcher thread: a caller whose request is still queued when the running call ends runs the next call itself
 * (which takes the oldest requests, its own or not) and goes on until its own request is done. A request is never split between calls, so a caller's items see each other
 * in one call, as they did before requests were gathered. Waiting is not interruptible (as the monitor it replaces was
 * not); an interrupt is kept for the caller to see afterwards.
 *
 * @param <I> what a request holds, one item per text
 * @param <O> what the work gives back for each item
 */
final class RequestCoalescer<I, O>
{
    private final Function<List<I>, List<O>> work;
    private final int gather;
    private final ArrayDeque<Request<I, O>> queue = new ArrayDeque<>();
    private boolean running;
    private long calls;
    private long items;

    /**
     * @param work runs one call on the items of the requests it took, in their order, and gives one result per item
     * @param gather how many items a call takes requests up to (at least one request whatever its size); 0 takes one
     *         request per call, the behaviour of a plain lock
     */
    RequestCoalescer(Function<List<I>, List<O>> work, int gather)
    {
        this.work = requireNonNull(work, "work is null");
        if (gather < 0) {
            throw new IllegalArgumentException("gather must be 0 or more, not " + gather);
        }
        this.gather = gather;
    }

    /** The work's results for these items, in their order, computed in a call that may hold other callers' items too. */
    List<O> submit(List<I> requestItems)
    {
        if (requestItems.isEmpty()) {
            return List.of();
        }
        Request<I, O> request = new Request<>(List.copyOf(requestItems));
        boolean interrupted = false;
        try {
            synchronized (this) {
                queue.addLast(request);
                while (!request.done && running) {
                    try {
                        wait();
                    }
                    catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (request.done) {
                    return request.result(false);
                }
                running = true;
            }
            return runUntilDone(request);
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Calls made and items they held since this coalescer was made. */
    synchronized CallTally tally()
    {
        return new CallTally(calls, items);
    }

    private List<O> runUntilDone(Request<I, O> own)
    {
        while (true) {
            List<Request<I, O>> taken;
            synchronized (this) {
                taken = take();
            }
            List<I> together = new ArrayList<>();
            taken.forEach(request -> together.addAll(request.items));
            List<O> results = null;
            Throwable failure = null;
            try {
                results = work.apply(together);
                if (results.size() != together.size()) {
                    failure = new IllegalStateException("the work gave " + results.size() + " results for " + together.size() + " items");
                }
            }
            catch (RuntimeException | Error e) {
                failure = e;
            }
            synchronized (this) {
                calls++;
                items += together.size();
                int from = 0;
                for (Request<I, O> request : taken) {
                    int to = from + request.items.size();
                    request.finish(failure == null ? results.subList(from, to) : null, failure);
                    from = to;
                }
                if (own.done) {
                    running = false;
                }
                // Callers whose requests were in this call return; once the runner is gone, the first waiting caller to wake runs
                // the next call, which takes the oldest requests.
                notifyAll();
                if (own.done) {
                    return own.result(true);
                }
            }
        }
    }

    /** The oldest requests, up to {@code gather} items, at least one request. */
    private List<Request<I, O>> take()
    {
        List<Request<I, O>> taken = new ArrayList<>();
        int count = 0;
        do {
            Request<I, O> request = queue.removeFirst();
            taken.add(request);
            count += request.items.size();
        }
        while (!queue.isEmpty() && count + queue.peekFirst().items.size() <= gather);
        return taken;
    }

    /** One caller's items and, once its call ended, their results or the call's failure. Guarded by the coalescer. */
    private static final class Request<I, O>
    {
        private final List<I> items;
        private List<O> results;
        private Throwable failure;
        private boolean done;

        Request(List<I> items)
        {
            this.items = items;
        }

        void finish(List<O> callResults, Throwable callFailure)
        {
            this.results = callResults == null ? null : List.copyOf(callResults);
            this.failure = callFailure;
            this.done = true;
        }

        /**
         * The results, or the call's failure: as thrown to the caller that ran the call, and to the others as the cause of
         * an exception thrown in their own threads (so that their stack traces show where they called from).
         */
        List<O> result(boolean ranTheCall)
        {
            if (failure == null) {
                return results;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (ranTheCall) {
                throw (RuntimeException) failure;
            }
            throw new IllegalStateException("the call that held this request failed: " + failure.getMessage(), failure);
        }
    }
}
