package org.ernie4j.spi.example;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * One class per input position; {@link #IGNORED} marks positions without a label ({@code [CLS]}, {@code [SEP]},
 * punctuation, or whatever the task leaves out). Positions that are ignored add nothing to the loss.
 */
public final class TokenLabels
        implements Target
{
    /** The label of a position that has no label. */
    public static final int IGNORED = -1;

    private final int[] labels;

    /**
     * @param labels one per input position, {@link #IGNORED} or a class index
     */
    public TokenLabels(int[] labels)
    {
        requireNonNull(labels, "labels is null");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < IGNORED) {
                throw new IllegalArgumentException("label at position " + i + " is " + labels[i]);
            }
        }
        this.labels = labels.clone();
    }

    /** A copy of the labels. */
    public int[] labels()
    {
        return labels.clone();
    }

    public int length()
    {
        return labels.length;
    }

    public int label(int position)
    {
        return labels[position];
    }

    /** The number of positions that have a label. */
    public int labelledCount()
    {
        int count = 0;
        for (int label : labels) {
            if (label != IGNORED) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof TokenLabels other && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(labels);
    }

    @Override
    public String toString()
    {
        return "TokenLabels" + Arrays.toString(labels);
    }
}
