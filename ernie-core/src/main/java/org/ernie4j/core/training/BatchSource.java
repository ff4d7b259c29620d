package org.ernie4j.core.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.training.data.ExampleStream;
import org.ernie4j.core.training.data.StreamPosition;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * One task's batches: consecutive examples of its stream, padded to the longest of each batch. It can go back to an
 * earlier position, so that a step that failed halfway leaves the data exactly where it was before the step.
 *
 * <p>With {@code ahead > 0} the next batches are built on a background thread of this source while the trainer runs
 * a step, so that label generation overlaps the model's work. The batches and positions are exactly those of a source
 * that builds on demand: the stream is still read in order, by one thread, and {@link #position()} is the position
 * after the last batch handed out, not after the last one built. Building starts at {@link #startBuilding()} or the
 * first {@link #next()}, so a task that has not trained yet costs nothing.
 */
public final class BatchSource
        implements AutoCloseable
{
    private final ExampleStream.Builder streams;
    private final int batchSize;
    private final int padId;
    private final int ahead;
    private final ExecutorService builder;
    private final Deque<Future<Built>> queued = new ArrayDeque<>();
    // Read and replaced only by the builder thread while batches are queued; the queue's futures order the hand-overs.
    private ExampleStream stream;
    private StreamPosition position;

    /** A batch and the stream position right after it. */
    private record Built(Batch batch, StreamPosition after) {}

    /**
     * A source that builds each batch when it is asked for.
     *
     * @param streams makes the task's example stream
     * @param position where to start, or null for the beginning
     */
    public BatchSource(ExampleStream.Builder streams, StreamPosition position, int batchSize, int padId)
    {
        this(streams, position, batchSize, padId, 0, "batches");
    }

    /**
     * @param streams makes the task's example stream
     * @param position where to start, or null for the beginning
     * @param ahead how many batches to keep built in advance on a background thread (0: none, build on demand)
     * @param name names the background thread
     */
    public BatchSource(ExampleStream.Builder streams, StreamPosition position, int batchSize, int padId, int ahead, String name)
    {
        this.streams = requireNonNull(streams, "streams is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        if (ahead < 0) {
            throw new IllegalArgumentException("batches built ahead must not be negative: " + ahead);
        }
        this.batchSize = batchSize;
        this.padId = padId;
        this.ahead = ahead;
        this.stream = position == null ? streams.start() : streams.resume(position);
        this.position = stream.position();
        this.builder = ahead == 0 ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, requireNonNull(name, "name is null"));
            // A run that ends (or dies) must not be kept alive by a thread that only builds batches nobody will take.
            thread.setDaemon(true);
            return thread;
        });
    }

    public Batch next()
    {
        Built built = builder == null ? build() : takeBuilt();
        position = built.after();
        return built.batch();
    }

    /**
     * Starts building batches ahead if none are being built: the trainer calls it when the schedule says this task comes
     * up within the next few steps, so that even a task's first batch is ready when it is needed.
     */
    public void startBuilding()
    {
        if (builder != null && queued.isEmpty()) {
            fillQueue();
        }
    }

    /** The stream position after the last batch handed out. */
    public StreamPosition position()
    {
        return position;
    }

    /** Goes back to a position this source was at before; batches built ahead are dropped. */
    public void rewind(StreamPosition position)
    {
        requireNonNull(position, "position is null");
        dropQueued();
        stream = streams.resume(position);
        this.position = position;
    }

    /** Stops the background thread; batches built ahead are dropped. */
    @Override
    public void close()
    {
        if (builder != null) {
            queued.forEach(future -> future.cancel(false));
            queued.clear();
            builder.shutdownNow();
        }
    }

    private Built takeBuilt()
    {
        if (queued.isEmpty()) {
            queued.add(builder.submit(this::build));
        }
        Built built;
        try {
            built = queued.poll().get();
        }
        catch (ExecutionException e) {
            // The stream broke mid-batch: what was queued behind it continues from an undefined place.
            dropQueued();
            throw rethrown(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
        fillQueue();
        return built;
    }

    private void fillQueue()
    {
        while (queued.size() < ahead) {
            queued.add(builder.submit(this::build));
        }
    }

    private Built build()
    {
        List<Example> examples = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            examples.add(stream.next());
        }
        return new Built(Batch.of(examples, padId), stream.position());
    }

    /** Cancels what was not started and waits for a batch being built, so that the stream is no longer in use. */
    private void dropQueued()
    {
        if (builder == null) {
            return;
        }
        queued.forEach(future -> future.cancel(false));
        queued.clear();
        try {
            // The builder runs its work in order: once this no-op ran, nothing else touches the stream.
            builder.submit(() -> { }).get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dropping batches built ahead", e);
        }
    }

    private static RuntimeException rethrown(Throwable cause)
    {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
