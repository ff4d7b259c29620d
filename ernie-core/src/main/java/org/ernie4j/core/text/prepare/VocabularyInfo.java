package org.ernie4j.core.text.prepare;

import static java.util.Objects.requireNonNull;

/**
 * The vocabulary file of a prepared corpus, as the manifest describes it.
 *
 * @param file the file name within the prepared corpus directory
 * @param size the number of pieces
 * @param sha256 the SHA-256 of the file, checked when the corpus is opened
 */
public record VocabularyInfo(String file, int size, String sha256)
{
    public VocabularyInfo
    {
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
    }
}
