package org.ernie4j.core.text.prepare;

import static java.util.Objects.requireNonNull;

/**
 * A shard an unfinished preparation has completely written, with the counts of everything up to its end: what a
 * preparation that resumes after it starts from.
 *
 * @param shard the shard file and its checksum
 * @param upTo the counts of this shard and the ones before it
 */
record CompleteShard(ShardInfo shard, PreparationCounts upTo)
{
    CompleteShard
    {
        requireNonNull(shard, "shard is null");
        requireNonNull(upTo, "upTo is null");
    }
}
