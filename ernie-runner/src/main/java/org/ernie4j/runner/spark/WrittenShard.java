package org.ernie4j.runner.spark;

import java.io.Serializable;

import org.ernie4j.core.text.prepare.ShardInfo;

import static java.util.Objects.requireNonNull;

/** A {@link ShardInfo} on its way back from the worker that wrote the shard ({@code ShardInfo} is not serializable). */
record WrittenShard(String file, int documents, long bytes, String sha256)
        implements Serializable
{
    WrittenShard
    {
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
    }

    static WrittenShard of(ShardInfo shard)
    {
        return new WrittenShard(shard.file(), shard.documents(), shard.bytes(), shard.sha256());
    }

    ShardInfo info()
    {
        return new ShardInfo(file, documents, bytes, sha256);
    }
}
