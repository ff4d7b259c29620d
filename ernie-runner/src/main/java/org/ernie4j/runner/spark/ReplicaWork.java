package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one worker trains in a round: its shards of the round's steps, in order (a worker has no shard in a step where
 * its rows carry no loss weight).
 *
 * @param index the worker's partition, which is also its shard index in every step
 * @param job the round's job number (for the failpoint)
 * @param firstStep the round's first step: a step's place in the round is its distance from it
 * @param length the steps in the round
 */
record ReplicaWork(int index, long job, long firstStep, int length, List<ReplicaStep> steps)
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    ReplicaWork
    {
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a worker's round needs a step");
        }
        for (ReplicaStep step : steps) {
            if (step.step() < firstStep || step.step() >= firstStep + length) {
                throw new IllegalArgumentException("step " + step.step() + " is outside the round of " + length + " steps from " + firstStep);
            }
        }
    }
}
