package org.ernie4j.core.text.prepare;

import org.ernie4j.core.PublicApi;

/**
 * The steps of preparing a corpus, in order.
 */
@PublicApi
public enum PreparePhase
{
    /** Reading the corpus once: checking files, counting documents and, when the vocabulary is trained, words. */
    SCANNING,

    /** Learning the WordPiece vocabulary; skipped when a vocabulary file is given. */
    TRAINING_VOCABULARY,

    /** Annotating every document and writing the shards; reports progress per document. */
    ANNOTATING,

    /** Writing the vocabulary and the manifest, and moving the result into place. */
    WRITING
}
