package org.ernie4j.core.train;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.data.ExampleStream;
import org.ernie4j.core.data.StreamPosition;
import org.ernie4j.spi.example.Batch;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * One task's batches: consecutive examples of its stream, padded to the longest of each batch.
 */
public final class BatchSource
{
    private final ExampleStream stream;
    private final int batchSize;
    private final int padId;

    public BatchSource(ExampleStream stream, int batchSize, int padId)
    {
        this.stream = requireNonNull(stream, "stream is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
        this.padId = padId;
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
}
