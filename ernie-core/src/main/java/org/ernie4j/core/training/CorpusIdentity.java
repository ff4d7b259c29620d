package org.ernie4j.core.training;

import static java.util.Objects.requireNonNull;

/**
 * What identifies the training data of a run: a checkpoint records it, and resuming on other data is refused.
 *
 * @param corpusFingerprint SHA-256 over the corpus files
 * @param vocabularySha256 SHA-256 of the vocabulary
 */
public record CorpusIdentity(String corpusFingerprint, String vocabularySha256)
{
    public CorpusIdentity
    {
        requireNonNull(corpusFingerprint, "corpusFingerprint is null");
        requireNonNull(vocabularySha256, "vocabularySha256 is null");
    }
}
