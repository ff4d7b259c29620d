package org.ernie4j.core.text.prepare;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * One shard file, as the manifest lists it.
 *
 * @param file the file name within the prepared corpus directory
 * @param documents how many documents it holds
 * @param bytes its size
 * @param sha256 the SHA-256 of its bytes, checked when the corpus is opened
 */
@PublicApi
public record ShardInfo(String file, int documents, long bytes, String sha256)
{
    public ShardInfo
    {
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
    }
}
