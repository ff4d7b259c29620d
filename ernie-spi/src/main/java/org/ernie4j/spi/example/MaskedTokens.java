package org.ernie4j.spi.example;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The original word pieces at the positions a task hid, for masked-token prediction over the vocabulary.
 */
public final class MaskedTokens
        implements Target
{
    private final int[] positions;
    private final int[] originalIds;

    /**
     * @param positions input positions to predict, strictly increasing
     * @param originalIds the original WordPiece id at each position
     */
    public MaskedTokens(int[] positions, int[] originalIds)
    {
        requireNonNull(positions, "positions is null");
        requireNonNull(originalIds, "originalIds is null");
        if (positions.length != originalIds.length) {
            throw new IllegalArgumentException(
                    positions.length + " positions but " + originalIds.length + " original ids");
        }
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0 || (i > 0 && positions[i] <= positions[i - 1])) {
                throw new IllegalArgumentException("positions must be non-negative and strictly increasing: "
                        + Arrays.toString(positions));
            }
            if (originalIds[i] < 0) {
                throw new IllegalArgumentException("original id at " + positions[i] + " is negative");
            }
        }
        this.positions = positions.clone();
        this.originalIds = originalIds.clone();
    }

    public int[] positions()
    {
        return positions.clone();
    }

    public int[] originalIds()
    {
        return originalIds.clone();
    }

    public int count()
    {
        return positions.length;
    }

    public int position(int index)
    {
        return positions[index];
    }

    public int originalId(int index)
    {
        return originalIds[index];
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof MaskedTokens other
                && Arrays.equals(positions, other.positions)
                && Arrays.equals(originalIds, other.originalIds);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(positions) + Arrays.hashCode(originalIds);
    }

    @Override
    public String toString()
    {
        return "MaskedTokens" + Arrays.toString(positions) + "->" + Arrays.toString(originalIds);
    }
}
