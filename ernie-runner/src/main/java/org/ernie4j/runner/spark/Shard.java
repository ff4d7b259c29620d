package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * One worker's part of a step: consecutive examples of the step's batch, padded to the whole batch's length (so that a
 * shard sees exactly the positions it would have seen in the whole batch), with the task, the gradient job (one per
 * batch the trainer asks for) and the shard's dropout seed.
 *
 * @param weight the shard's share of the loss normaliser (see {@link LossWeights}): its gradient is scaled by it before
 *         the driver adds the shards and divides by the batch's total
 */
record Shard(int index, long job, ShardHead head, List<ShardExample> examples, int padId, int length, long dropoutSeed, double weight)
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    Shard
    {
        requireNonNull(head, "head is null");
        examples = List.copyOf(requireNonNull(examples, "examples is null"));
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a shard needs at least one example");
        }
    }

    Batch batch()
    {
        List<Example> rows = examples.stream().map(ShardExample::toExample).toList();
        return Batch.of(rows, padId, length);
    }
}
