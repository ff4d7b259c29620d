package org.ernie4j.core.text.prepare;

import org.ernie4j.core.PublicApi;

/**
 * Hears how preparing a corpus advances, for a progress bar. Called on the thread that runs the preparation, so
 * implementations should return quickly.
 */
@PublicApi
public interface PrepareListener
{
    /** Hears nothing. */
    PrepareListener NONE = new PrepareListener() {};

    default void phaseStarted(PreparePhase phase) {}

    /**
     * @param done documents annotated so far
     * @param total documents in the corpus, as counted while scanning
     */
    default void documentsAnnotated(long done, long total) {}
}
