package org.ernie4j.core.engine;

import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * Examples of one task padded to a common length and laid out as flat row-major arrays ({@code [size, length]}), the
 * form the model consumes. Every example of a batch has the same kind of target.
 */
@PublicApi
public final class Batch
{
    private final List<Example> examples;
    private final int length;
    private final int[] inputIds;
    private final int[] segmentIds;
    private final int[] lengths;
    private final BatchTargets targets;

    private Batch(List<Example> examples, int length, int[] inputIds, int[] segmentIds, int[] lengths, BatchTargets targets)
    {
        this.examples = examples;
        this.length = length;
        this.inputIds = inputIds;
        this.segmentIds = segmentIds;
        this.lengths = lengths;
        this.targets = targets;
    }

    /**
     * Pads examples to the longest of them with {@code padId}.
     *
     * @throws IllegalArgumentException if the list is empty or mixes kinds of target
     */
    public static Batch of(List<Example> examples, int padId)
    {
        requireNonNull(examples, "examples is null");
        int longest = 0;
        for (Example example : examples) {
            longest = Math.max(longest, example.length());
        }
        return of(examples, padId, longest);
    }

    /**
     * Pads examples to exactly {@code length} positions with {@code padId}.
     */
    public static Batch of(List<Example> examples, int padId, int length)
    {
        List<Example> copy = List.copyOf(requireNonNull(examples, "examples is null"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one example");
        }
        int size = copy.size();
        int[] inputIds = new int[size * length];
        int[] segmentIds = new int[size * length];
        int[] lengths = new int[size];
        java.util.Arrays.fill(inputIds, padId);
        for (int row = 0; row < size; row++) {
            Example example = copy.get(row);
            if (example.length() > length) {
                throw new IllegalArgumentException(
                        "example " + row + " has " + example.length() + " positions, more than " + length);
            }
            lengths[row] = example.length();
            for (int position = 0; position < example.length(); position++) {
                inputIds[row * length + position] = example.inputId(position);
                segmentIds[row * length + position] = example.segmentId(position);
            }
        }
        return new Batch(copy, length, inputIds, segmentIds, lengths, BatchTargets.of(copy, length));
    }

    public List<Example> examples()
    {
        return examples;
    }

    /** The number of examples. */
    public int size()
    {
        return examples.size();
    }

    /** The padded length of every row. */
    public int length()
    {
        return length;
    }

    /** Input ids, {@code [size * length]}, row-major, padded. */
    public int[] inputIds()
    {
        return inputIds.clone();
    }

    /** Segment ids, {@code [size * length]}, row-major; 0 on padding. */
    public int[] segmentIds()
    {
        return segmentIds.clone();
    }

    /** The unpadded length of each row. */
    public int[] lengths()
    {
        return lengths.clone();
    }

    /** The number of positions that are not padding. */
    public int tokenCount()
    {
        int count = 0;
        for (int rowLength : lengths) {
            count += rowLength;
        }
        return count;
    }

    public BatchTargets targets()
    {
        return targets;
    }
}
