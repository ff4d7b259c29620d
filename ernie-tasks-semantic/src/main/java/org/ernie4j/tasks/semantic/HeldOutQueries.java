package org.ernie4j.tasks.semantic;

import java.util.Arrays;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * Which of a search log's pairs serve training documents and which serve held-out documents. A log belongs to no
 * document, so holding documents out does not hold any of it out: without this split, the held-out figure of IR relevance
 * would score pairs the model trained on. Whole queries are held out (every pair of a held-out query), chosen by their
 * pieces alone, so the split is the same in every run over the same log whatever its order and the run's seed.
 */
final class HeldOutQueries
{
    private final int[] trainingPairs;
    private final int[] heldOutPairs;
    private final int heldOutQueryCount;

    private HeldOutQueries(int[] trainingPairs, int[] heldOutPairs, int heldOutQueryCount)
    {
        this.trainingPairs = trainingPairs;
        this.heldOutPairs = heldOutPairs;
        this.heldOutQueryCount = heldOutQueryCount;
    }

    /**
     * Holds out about {@code share} of the log's distinct queries: a query whose pieces hash below {@code share} of the
     * hash range. With a positive share and two queries or more, at least one query is held out and at least one kept.
     */
    static HeldOutQueries of(SearchLog log, double share)
    {
        requireNonNull(log, "log is null");
        int queries = log.queryCount();
        double[] position = new double[queries];
        boolean[] heldOut = new boolean[queries];
        int held = 0;
        for (int query = 0; query < queries; query++) {
            position[query] = uniform(log.queryPieces(query));
            heldOut[query] = position[query] < share;
            held += heldOut[query] ? 1 : 0;
        }
        if (share > 0 && queries >= 2 && held == 0) {
            heldOut[extreme(position, true)] = true;
            held = 1;
        }
        if (queries >= 2 && held == queries) {
            heldOut[extreme(position, false)] = false;
            held--;
        }
        int[] training = IntStream.range(0, log.pairCount()).filter(pair -> !heldOut[log.query(pair)]).toArray();
        int[] evaluation = IntStream.range(0, log.pairCount()).filter(pair -> heldOut[log.query(pair)]).toArray();
        return new HeldOutQueries(training, evaluation, held);
    }

    /** The pairs training documents draw from; not to be modified. */
    int[] trainingPairs()
    {
        return trainingPairs;
    }

    /** The pairs held-out documents draw from; not to be modified. */
    int[] heldOutPairs()
    {
        return heldOutPairs;
    }

    int heldOutQueryCount()
    {
        return heldOutQueryCount;
    }

    /** The index of the smallest (or largest) position. */
    private static int extreme(double[] position, boolean smallest)
    {
        int best = 0;
        for (int i = 1; i < position.length; i++) {
            if (smallest ? position[i] < position[best] : position[i] > position[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A query's place in [0, 1), from its pieces through SplitMix64's finaliser. */
    private static double uniform(int[] pieces)
    {
        long z = Arrays.hashCode(pieces) + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
