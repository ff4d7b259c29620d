package org.ernie4j.spi.example;

import java.util.Arrays;

import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Assembles a model input: {@code [CLS]}, the pieces of one or more segments separated by {@code [SEP]}, and the segment
 * id of every position. Refuses to grow past the maximum length, so a task can ask {@link #remaining()} before adding.
 *
 * <pre>{@code
 * InputBuilder input = InputBuilder.start(vocabulary, maxLength);   // [CLS], segment 0
 * input.addAll(firstSentencePieces).separator();                    // ... [SEP]
 * input.nextSegment().addAll(secondSentencePieces).separator();     // ... [SEP], segment 1
 * Example example = input.build(new SequenceLabel(2));
 * }</pre>
 */
public final class InputBuilder
{
    private final Vocabulary vocabulary;
    private final int maxLength;
    private int[] ids;
    private int[] segments;
    private int length;
    private int segment;

    private InputBuilder(Vocabulary vocabulary, int maxLength)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP]: " + maxLength);
        }
        this.maxLength = maxLength;
        this.ids = new int[Math.min(maxLength, 64)];
        this.segments = new int[ids.length];
    }

    /** A new input holding {@code [CLS]} in segment 0. */
    public static InputBuilder start(Vocabulary vocabulary, int maxLength)
    {
        InputBuilder builder = new InputBuilder(vocabulary, maxLength);
        builder.add(vocabulary.clsId());
        return builder;
    }

    /** Appends one piece to the current segment. */
    public InputBuilder add(int pieceId)
    {
        if (length == maxLength) {
            throw new IllegalStateException("input is full at " + maxLength + " pieces");
        }
        if (length == ids.length) {
            int capacity = Math.min(maxLength, ids.length * 2);
            ids = Arrays.copyOf(ids, capacity);
            segments = Arrays.copyOf(segments, capacity);
        }
        ids[length] = pieceId;
        segments[length] = segment;
        length++;
        return this;
    }

    /** Appends pieces to the current segment. */
    public InputBuilder addAll(int[] pieceIds)
    {
        if (pieceIds.length > remaining()) {
            throw new IllegalStateException(
                    pieceIds.length + " pieces do not fit; " + remaining() + " places remain of " + maxLength);
        }
        for (int pieceId : pieceIds) {
            add(pieceId);
        }
        return this;
    }

    /** Appends {@code [SEP]} to the current segment. */
    public InputBuilder separator()
    {
        return add(vocabulary.sepId());
    }

    /** Starts the next segment; the segment id of the following pieces grows by one. */
    public InputBuilder nextSegment()
    {
        segment++;
        return this;
    }

    /** The number of pieces added so far, {@code [CLS]} included; also the position of the next piece. */
    public int length()
    {
        return length;
    }

    /** How many more pieces fit. */
    public int remaining()
    {
        return maxLength - length;
    }

    /** The id at a position already added. */
    public int idAt(int position)
    {
        if (position >= length) {
            throw new IndexOutOfBoundsException(position);
        }
        return ids[position];
    }

    /** Replaces the id at a position already added (used to mask a piece). */
    public InputBuilder set(int position, int pieceId)
    {
        if (position >= length) {
            throw new IndexOutOfBoundsException(position);
        }
        ids[position] = pieceId;
        return this;
    }

    public int[] ids()
    {
        return Arrays.copyOf(ids, length);
    }

    public int[] segmentIds()
    {
        return Arrays.copyOf(segments, length);
    }

    public Example build(Target target)
    {
        return new Example(ids(), segmentIds(), target);
    }
}
