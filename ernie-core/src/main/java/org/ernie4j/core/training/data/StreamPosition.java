package org.ernie4j.core.training.data;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where an {@link ExampleStream} stands: enough to continue it exactly, and small enough to store in a checkpoint.
 *
 * @param epoch the epoch whose document order is being opened
 * @param nextInOrder the position in that epoch's order of the next document to open
 * @param turn the slot that gives the next example
 * @param slots the documents currently open, one per slot
 */
public record StreamPosition(long epoch, int nextInOrder, int turn, List<Slot> slots)
{
    public StreamPosition
    {
        requireNonNull(slots, "slots is null");
        slots = List.copyOf(slots);
    }

    /**
     * An open document.
     *
     * @param epoch the epoch in which the document was opened (its examples are drawn with that epoch's seed)
     * @param document the document's index in the corpus
     * @param taken how many of its examples were already given out
     */
    public record Slot(long epoch, int document, int taken)
    {
    }

    /** The start of a stream. */
    public static StreamPosition start()
    {
        return new StreamPosition(0, 0, 0, List.of());
    }
}
