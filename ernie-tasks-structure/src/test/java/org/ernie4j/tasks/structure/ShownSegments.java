package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;

/**
 * A sentence reordering example read back from the outside: the segments between {@code [CLS]} and the {@code [SEP]}
 * after each, in the order shown, and the class.
 */
record ShownSegments(List<int[]> segments, int label)
{
    static ShownSegments of(Example example, Vocabulary vocabulary)
    {
        if (example.inputId(0) != vocabulary.clsId() || example.inputId(example.length() - 1) != vocabulary.sepId()) {
            throw new IllegalArgumentException("not [CLS] ... [SEP]: " + example);
        }
        List<int[]> segments = new ArrayList<>();
        int start = 1;
        for (int position = 1; position < example.length(); position++) {
            if (example.inputId(position) == vocabulary.sepId()) {
                segments.add(Arrays.copyOfRange(example.inputIds(), start, position));
                start = position + 1;
            }
        }
        return new ShownSegments(List.copyOf(segments), ((SequenceLabel) example.target()).label());
    }

    /** The segments put back in their original order by the inverse of the class's order. */
    List<int[]> restored()
    {
        int[] order = ReorderingClasses.orderOf(label);
        int[][] restored = new int[order.length][];
        for (int position = 0; position < order.length; position++) {
            restored[order[position]] = segments.get(position);
        }
        return Arrays.asList(restored);
    }

    static int[] concatenated(List<int[]> segments)
    {
        return segments.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
