package org.ernie4j.core.engine.fused;

/**
 * The sequences of a batch that one worker computes: {@code sequences} rows of the batch from {@code firstSequence},
 * each {@code length} positions long. Activation rows are numbered {@code sequence * length + position} across the whole
 * batch, so a shard is a contiguous range of rows in every activation buffer.
 */
record Shard(int worker, int firstSequence, int sequences, int length)
{
    int firstRow()
    {
        return firstSequence * length;
    }

    int rows()
    {
        return sequences * length;
    }

    int endSequence()
    {
        return firstSequence + sequences;
    }

    /** The batch's {@code size} sequences split as evenly as possible over at most {@code workers} shards. */
    static Shard[] split(int size, int length, int workers)
    {
        int count = Math.min(size, workers);
        Shard[] shards = new Shard[count];
        int first = 0;
        for (int worker = 0; worker < count; worker++) {
            int sequences = size / count + (worker < size % count ? 1 : 0);
            shards[worker] = new Shard(worker, first, sequences, length);
            first += sequences;
        }
        return shards;
    }
}
