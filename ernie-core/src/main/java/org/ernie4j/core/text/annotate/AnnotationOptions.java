package org.ernie4j.core.text.annotate;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * How to annotate.
 *
 * @param maxSentenceTokens sentences with more tokens are split or skipped, as {@code longSentences} says
 * @param longSentences what to do with them
 */
@PublicApi
public record AnnotationOptions(int maxSentenceTokens, LongSentencePolicy longSentences)
{
    public static final int DEFAULT_MAX_SENTENCE_TOKENS = 300;

    public AnnotationOptions
    {
        requireNonNull(longSentences, "longSentences is null");
        if (maxSentenceTokens < 2) {
            throw new IllegalArgumentException("maxSentenceTokens must be at least 2: " + maxSentenceTokens);
        }
    }

    public static AnnotationOptions defaults()
    {
        return new AnnotationOptions(DEFAULT_MAX_SENTENCE_TOKENS, LongSentencePolicy.SPLIT);
    }
}
