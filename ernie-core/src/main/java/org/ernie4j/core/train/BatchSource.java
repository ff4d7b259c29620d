package org.ernie4j.core.train;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.data.ExampleStream;
import org.ernie4j.core.data.StreamPosition;
import org.ernie4j.spi.example.Batch;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * One task's batches: consecutive examples of its stream, padded to the longest of each batch. It can go back to an
 * earlier position, so that a step that failed halfway leaves the data exactly where it was before the step.
 */
public final class BatchSource
{
    private final ExampleStream.Builder streams;
    private final int batchSize;
    private final int padId;
    private ExampleStream stream;

    /**
     * @param streams makes the task's example stream
     * @param position where to start, or null for the beginning
     */
    public BatchSource(ExampleStream.Builder streams, StreamPosition position, int batchSize, int padId)
    {
        this.streams = requireNonNull(streams, "streams is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
        this.padId = padId;
        this.stream = position == null ? streams.start() : streams.resume(position);
    }

    public Batch next()
    {
        List<Example> examples = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            examples.add(stream.next());
        }
        return Batch.of(examples, padId);
    }

    /** The stream position after the last batch. */
    public StreamPosition position()
    {
        return stream.position();
    }

    /** Goes back to a position this source was at before. */
    public void rewind(StreamPosition position)
    {
        stream = streams.resume(requireNonNull(position, "position is null"));
    }
}
