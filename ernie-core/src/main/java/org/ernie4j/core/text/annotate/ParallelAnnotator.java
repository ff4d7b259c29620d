package org.ernie4j.core.text.annotate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.spi.document.Document;

import static java.util.Objects.requireNonNull;

/**
 * Annotates documents on several threads and hands the results to a consumer in submission order, on the submitting
 * thread, so that the output does not depend on the number of threads. Each thread works with its own
 * {@link DocumentAnnotator}. At most a few documents per thread are in flight; {@link #submit} blocks beyond that.
 *
 * <p>Use from one thread: submit every document, then {@link #finish()}, then {@link #close()}.
 */
public final class ParallelAnnotator
        implements AutoCloseable
{
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final BiConsumer<Document, AnnotationStats> consumer;
    private final List<DocumentAnnotator> annotators = new ArrayList<>();
    private final BlockingQueue<DocumentAnnotator> idle;
    private final ExecutorService executor;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final int maxInFlight;
    private AnnotationStats delivered = AnnotationStats.NONE;

    private record Pending(String documentId, Future<Annotated> result) {}

    /** A document with what annotating it counted, so that the counts can follow the documents handed over. */
    private record Annotated(Document document, AnnotationStats stats) {}

    /**
     * @param annotators makes one annotator per thread
     * @param threads 1 to annotate on the calling thread
     * @param consumer receives the annotated documents in submission order, each with what annotating it and every
     * document before it counted (see {@link #stats()})
     */
    public ParallelAnnotator(Supplier<DocumentAnnotator> annotators, int threads, BiConsumer<Document, AnnotationStats> consumer)
    {
        requireNonNull(annotators, "annotators is null");
        this.consumer = requireNonNull(consumer, "consumer is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        for (int i = 0; i < threads; i++) {
            this.annotators.add(requireNonNull(annotators.get(), "annotator is null"));
        }
        this.idle = new ArrayBlockingQueue<>(threads, false, this.annotators);
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads, new AnnotatorThreads());
        this.maxInFlight = threads * IN_FLIGHT_PER_THREAD;
    }

    /** Annotates a document, and hands over every earlier document that is done. */
    public void submit(RawDocument document)
    {
        requireNonNull(document, "document is null");
        if (executor == null) {
            hand(annotate(annotators.get(0), document));
            return;
        }
        pending.add(new Pending(document.id(), executor.submit(() -> {
            DocumentAnnotator annotator = idle.take();
            try {
                return annotate(annotator, document);
            }
            finally {
                idle.put(annotator);
            }
        })));
        while (pending.size() >= maxInFlight || (!pending.isEmpty() && pending.peek().result().isDone())) {
            deliver(pending.poll());
        }
    }

    /** Waits for every submitted document and hands them over. */
    public void finish()
    {
        while (!pending.isEmpty()) {
            deliver(pending.poll());
        }
    }

    /**
     * What annotating the documents handed over so far counted: exactly the documents the consumer has seen, not those
     * still in flight, so that a consumer can record the counts with what it wrote. Complete after {@link #finish()}.
     */
    public AnnotationStats stats()
    {
        return delivered;
    }

    private static Annotated annotate(DocumentAnnotator annotator, RawDocument document)
    {
        try {
            AnnotationStats before = annotator.stats();
            Document annotated = annotator.annotate(document);
            return new Annotated(annotated, annotator.stats().minus(before));
        }
        catch (RuntimeException e) {
            throw new AnnotationException("Cannot annotate document " + document.id() + ": " + e.getMessage(), e);
        }
    }

    private void deliver(Pending next)
    {
        Annotated document;
        try {
            document = next.result().get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnnotationException("Interrupted while annotating document " + next.documentId(), e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new AnnotationException("Cannot annotate document " + next.documentId(), e.getCause());
        }
        hand(document);
    }

    private void hand(Annotated annotated)
    {
        delivered = delivered.plus(annotated.stats());
        consumer.accept(annotated.document(), delivered);
    }

    /** Stops the threads; documents not yet handed over are dropped. */
    @Override
    public void close()
    {
        if (executor == null) {
            return;
        }
        pending.forEach(next -> next.result().cancel(true));
        pending.clear();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("annotator threads did not stop within a minute");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class AnnotatorThreads
            implements ThreadFactory
    {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task)
        {
            Thread thread = new Thread(task, "annotator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
