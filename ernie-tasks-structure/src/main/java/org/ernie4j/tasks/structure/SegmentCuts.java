package org.ernie4j.tasks.structure;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * Where a paragraph is cut into segments: {@code n - 1} of the {@code s - 1} boundaries between its {@code s} sentences,
 * every such choice equally likely, so that segments are runs of whole sentences of any length.
 */
final class SegmentCuts
{
    private SegmentCuts()
    {
    }

    /**
     * The bounds of {@code segments} segments of a paragraph of {@code sentences} sentences: {@code bounds[0] = 0 <
     * bounds[1] < ... < bounds[segments] = sentences}, segment {@code i} being sentences {@code [bounds[i], bounds[i + 1])}.
     */
    static int[] choose(int sentences, int segments, RandomGenerator random)
    {
        if (segments < 1 || segments > sentences) {
            throw new IllegalArgumentException("cannot cut " + sentences + " sentences into " + segments + " segments");
        }
        // Floyd's sampling: a uniform subset of size k of {0 .. size-1} with exactly k draws, and no list of candidates.
        int size = sentences - 1;
        int cuts = segments - 1;
        BitSet chosen = new BitSet(size);
        for (int j = size - cuts; j < size; j++) {
            int candidate = random.nextInt(j + 1);
            chosen.set(chosen.get(candidate) ? j : candidate);
        }
        int[] bounds = new int[segments + 1];
        int next = 1;
        for (int boundary = chosen.nextSetBit(0); boundary >= 0; boundary = chosen.nextSetBit(boundary + 1)) {
            // Boundary b of the subset lies after sentence b, that is before sentence b + 1.
            bounds[next++] = boundary + 1;
        }
        bounds[segments] = sentences;
        return bounds;
    }
}
