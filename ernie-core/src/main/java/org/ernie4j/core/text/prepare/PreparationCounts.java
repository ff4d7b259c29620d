package org.ernie4j.core.text.prepare;

import org.ernie4j.core.text.annotate.AnnotationStats;

import static java.util.Objects.requireNonNull;

/**
 * How far a preparation has come, as counted at the end of a complete shard.
 *
 * @param inputDocuments the documents read from the input, those without sentences included: the documents a resumed
 * preparation skips
 * @param documentsWithoutSentences of those, the ones left out
 * @param stats what the shards hold
 * @param annotation what annotating the input documents counted
 */
record PreparationCounts(long inputDocuments, long documentsWithoutSentences, CorpusStats stats, AnnotationStats annotation)
{
    /** Before the first document. */
    static final PreparationCounts NONE = new PreparationCounts(0, 0, new CorpusStats(0, 0, 0, 0), AnnotationStats.NONE);

    PreparationCounts
    {
        requireNonNull(stats, "stats is null");
        requireNonNull(annotation, "annotation is null");
    }
}
