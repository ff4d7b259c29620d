package org.ernie4j.spi.example;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * One training example: the input the model sees and the target it should predict.
 *
 * <p>The input is complete: it starts with {@code [CLS]} and ends with {@code [SEP]}, and a pair of texts is separated by
 * {@code [SEP]} with segment id 0 for the first and 1 for the second. {@link InputBuilder} assembles such inputs.
 */
public final class Example
{
    private final int[] inputIds;
    private final int[] segmentIds;
    private final Target target;

    public Example(int[] inputIds, int[] segmentIds, Target target)
    {
        requireNonNull(inputIds, "inputIds is null");
        requireNonNull(segmentIds, "segmentIds is null");
        this.target = requireNonNull(target, "target is null");
        if (inputIds.length == 0) {
            throw new IllegalArgumentException("an example needs at least one input token");
        }
        if (inputIds.length != segmentIds.length) {
            throw new IllegalArgumentException(
                    inputIds.length + " input ids but " + segmentIds.length + " segment ids");
        }
        if (target instanceof TokenLabels labels && labels.length() != inputIds.length) {
            throw new IllegalArgumentException(
                    inputIds.length + " input ids but " + labels.length() + " token labels");
        }
        if (target instanceof MaskedTokens masked && masked.count() > 0
                && masked.position(masked.count() - 1) >= inputIds.length) {
            throw new IllegalArgumentException("masked position " + masked.position(masked.count() - 1)
                    + " is outside the input of length " + inputIds.length);
        }
        this.inputIds = inputIds.clone();
        this.segmentIds = segmentIds.clone();
    }

    /** A copy of the input ids. */
    public int[] inputIds()
    {
        return inputIds.clone();
    }

    /** A copy of the segment ids. */
    public int[] segmentIds()
    {
        return segmentIds.clone();
    }

    public int length()
    {
        return inputIds.length;
    }

    public int inputId(int position)
    {
        return inputIds[position];
    }

    public int segmentId(int position)
    {
        return segmentIds[position];
    }

    public Target target()
    {
        return target;
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof Example other
                && Arrays.equals(inputIds, other.inputIds)
                && Arrays.equals(segmentIds, other.segmentIds)
                && target.equals(other.target);
    }

    @Override
    public int hashCode()
    {
        return (31 * Arrays.hashCode(inputIds) + Arrays.hashCode(segmentIds)) * 31 + target.hashCode();
    }

    @Override
    public String toString()
    {
        return "Example[" + Arrays.toString(inputIds) + ", segments " + Arrays.toString(segmentIds) + ", " + target + "]";
    }
}
