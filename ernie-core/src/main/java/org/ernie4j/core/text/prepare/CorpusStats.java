package org.ernie4j.core.text.prepare;

import org.ernie4j.core.PublicApi;

/**
 * The size of a prepared corpus.
 *
 * @param documents documents with at least one sentence
 * @param sentences sentences in them
 * @param tokens tokens in those sentences
 * @param pieces WordPiece ids of those tokens
 */
@PublicApi
public record CorpusStats(long documents, long sentences, long tokens, long pieces)
{
}
