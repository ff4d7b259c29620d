package org.ernie4j.runner.spark;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * A partition's share of a {@link SpilledInput}: its contiguous run of documents, found by the offset of the first.
 *
 * @param file the documents file, on a path every worker reads
 * @param offset where the run's first document starts in it
 * @param documents how many documents the run holds (0 for a partition left empty by a corpus smaller than the partitions)
 */
record InputRange(String file, long offset, long documents)
        implements Serializable
{
    InputRange
    {
        requireNonNull(file, "file is null");
        if (offset < 0 || documents < 0) {
            throw new IllegalArgumentException("offset and documents must not be negative: " + offset + ", " + documents);
        }
    }
}
