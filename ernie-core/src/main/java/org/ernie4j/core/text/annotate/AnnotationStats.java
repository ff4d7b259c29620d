package org.ernie4j.core.text.annotate;

import org.ernie4j.core.PublicApi;

/**
 * Counts of what annotation produced and what it had to cut.
 *
 * @param documents documents annotated
 * @param sentences sentences produced, parts of split sentences counted one by one
 * @param tokens tokens in those sentences
 * @param longSentencesSplit sentences over the token limit that were split
 * @param longSentencesSkipped sentences over the token limit that were left out
 */
@PublicApi
public record AnnotationStats(long documents, long sentences, long tokens, long longSentencesSplit, long longSentencesSkipped)
{
    public static final AnnotationStats NONE = new AnnotationStats(0, 0, 0, 0, 0);

    public AnnotationStats plus(AnnotationStats other)
    {
        return new AnnotationStats(
                documents + other.documents,
                sentences + other.sentences,
                tokens + other.tokens,
                longSentencesSplit + other.longSentencesSplit,
                longSentencesSkipped + other.longSentencesSkipped);
    }

    /** What these counts add to {@code earlier} ones, such as those of one document to an annotator's total before it. */
    public AnnotationStats minus(AnnotationStats earlier)
    {
        return new AnnotationStats(
                documents - earlier.documents,
                sentences - earlier.sentences,
                tokens - earlier.tokens,
                longSentencesSplit - earlier.longSentencesSplit,
                longSentencesSkipped - earlier.longSentencesSkipped);
    }
}
