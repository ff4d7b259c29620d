package org.ernie4j.tasks.semantic;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;

/**
 * The input of a text pair, {@code [CLS] a [SEP] b [SEP]}, with segment id 0 up to the first {@code [SEP]} and 1 after it,
 * labelled with one class.
 */
final class PairInput
{
    private PairInput()
    {
    }

    /** The example of two texts that fit together; cut them before. */
    static Example of(Vocabulary vocabulary, int maxSequenceLength, int[] first, int[] second, int label)
    {
        return InputBuilder.start(vocabulary, maxSequenceLength)
                .addAll(first).separator()
                .nextSegment()
                .addAll(second).separator()
                .build(new SequenceLabel(label));
    }

    /**
     * The example of a query and a title: the query cut to {@code maxQueryLength} pieces, the title to what is left of the
     * input. Both keep their beginning, where a query states what is sought and a title what the page is.
     */
    static Example ofQueryAndTitle(Vocabulary vocabulary, int maxSequenceLength, int maxQueryLength, int[] query, int[] title, RelevanceLabel label)
    {
        int[] q = Pieces.head(query, maxQueryLength);
        int[] t = Pieces.head(title, maxSequenceLength - 3 - q.length);
        return of(vocabulary, maxSequenceLength, q, t, label.label());
    }
}
