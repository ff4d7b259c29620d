package org.ernie4j.core.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Inputs grouped into batches of similar length: a batch is padded to its longest input, so texts of a few pieces
 * batched with one of a hundred would cost a hundred positions each. Each batch lists the indexes of its inputs in the
 * caller's list, so results go back to the caller's order.
 */
final class LengthSortedBatches
{
    private LengthSortedBatches()
    {
    }

    /**
     * @param lengths each input's length, in the caller's order
     * @return batches of at most {@code batchSize} indexes, shortest inputs first; equal lengths keep the caller's order
     */
    static List<int[]> of(int[] lengths, int batchSize)
    {
        return of(lengths, batchSize, Integer.MAX_VALUE);
    }

    /**
     * As above, except that a batch also stops growing where the next input would make its padding more than {@code
     * paddingPerSavedCall} positions for each input beyond the first: a batch of {@code n} inputs saves {@code n - 1}
     * engine calls, and each call saved is worth about that many positions of work (the fixed cost of a call, above all
     * reading every weight once, against the cost of a position).
     */
    static List<int[]> of(int[] lengths, int batchSize, int paddingPerSavedCall)
    {
        if (batchSize < 1 || paddingPerSavedCall < 0) {
            throw new IllegalArgumentException("batch size must be positive and padding 0 or more, not " + batchSize + " and " + paddingPerSavedCall);
        }
        int[] order = IntStream.range(0, lengths.length).boxed()
                .sorted(Comparator.comparingInt(index -> lengths[index]))
                .mapToInt(Integer::intValue)
                .toArray();
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        long real = 0;
        for (int i = 0; i < order.length; i++) {
            int length = lengths[order[i]];
            int count = i - start + 1;
            // Sorted, so this input is the longest yet: the batch would pad every input to its length.
            long padding = (long) count * length - (real + length);
            if (count > batchSize || padding > (long) (count - 1) * paddingPerSavedCall) {
                batches.add(Arrays.copyOfRange(order, start, i));
                start = i;
                real = 0;
            }
            real += length;
        }
        if (start < order.length) {
            batches.add(Arrays.copyOfRange(order, start, order.length));
        }
        return batches;
    }
}
