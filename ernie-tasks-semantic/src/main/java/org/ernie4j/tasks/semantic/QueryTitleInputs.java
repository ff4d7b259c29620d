package org.ernie4j.tasks.semantic;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * How IR relevance builds the input of a query and a title for a run: its vocabulary, the model's longest input and the
 * most pieces a query keeps ({@link PairInput#ofQueryAndTitle}). Immutable.
 */
final class QueryTitleInputs
{
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final int maxQueryLength;

    QueryTitleInputs(Vocabulary vocabulary, int maxSequenceLength, int maxQueryLength)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.maxSequenceLength = maxSequenceLength;
        this.maxQueryLength = maxQueryLength;
    }

    Vocabulary vocabulary()
    {
        return vocabulary;
    }

    /** The labelled input of a query and a title, each cut as {@link PairInput#ofQueryAndTitle} says. */
    Example example(int[] query, int[] title, RelevanceLabel label)
    {
        return PairInput.ofQueryAndTitle(vocabulary, maxSequenceLength, maxQueryLength, query, title, label);
    }
}
