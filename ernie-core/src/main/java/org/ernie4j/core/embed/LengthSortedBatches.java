package org.ernie4j.core.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.ernie4j.spi.example.Example;

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
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        int[] order = IntStream.range(0, lengths.length).boxed()
                .sorted(Comparator.comparingInt(index -> lengths[index]))
                .mapToInt(Integer::intValue)
                .toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return batches;
    }

    /**
     * Runs the inputs through {@code perBatch} in batches of similar length (as {@link #of} groups them) and gives each
     * input's result in the inputs' order.
     *
     * @param perBatch one result per example of the batch it is given, in that batch's order
     */
    static <R> List<R> inOrder(List<Example> inputs, int batchSize, Function<List<Example>, List<R>> perBatch)
    {
        List<R> results = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        for (int[] index : of(inputs.stream().mapToInt(Example::length).toArray(), batchSize)) {
            List<Example> batch = new ArrayList<>(index.length);
            for (int i : index) {
                batch.add(inputs.get(i));
            }
            List<R> batchResults = perBatch.apply(batch);
            for (int i = 0; i < index.length; i++) {
                results.set(index[i], batchResults.get(i));
            }
        }
        return results;
    }
}
