package org.ernie4j.runner.spark;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.support.Seeds;
import org.ernie4j.spi.example.Example;

/**
 * How a batch is cut into one shard per partition: consecutive rows, sizes differing by one at most, each padded to the
 * whole batch's length. Shard 0 uses the step's dropout seed and shard {@code i} a seed mixed from it and {@code i}, so
 * with one partition the shard is the batch and draws a local run's dropout masks. A shard whose items carry no loss
 * weight (no masked token, say) is left out: it adds nothing to the batch's gradient.
 */
final class BatchShards
{
    private static final long SHARD_STREAM = 0x5348415244L;

    private BatchShards()
    {
    }

    static List<Shard> split(long job, TaskHead task, Batch batch, long dropoutSeed, int partitions, int padId)
    {
        ShardHead head = ShardHead.of(task);
        List<Example> rows = batch.examples();
        int count = Math.min(partitions, rows.size());
        List<Shard> shards = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            List<Example> part = rows.subList(index * rows.size() / count, (index + 1) * rows.size() / count);
            double weight = LossWeights.of(task.head(), Batch.of(part, padId, batch.length()));
            if (weight > 0) {
                long seed = index == 0 ? dropoutSeed : Seeds.mix(dropoutSeed, SHARD_STREAM, index);
                shards.add(new Shard(index, job, head, part.stream().map(ShardExample::of).toList(), padId, batch.length(), seed, weight));
            }
        }
        return shards;
    }
}
