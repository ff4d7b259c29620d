package org.ernie4j.runner.spark;

import java.io.Serializable;

/**
 * One step of a round as one worker takes it: its shard of the step's batch and of the masked-LM batch added to the step
 * (either may be absent, where the worker's rows carry no loss weight or the step has no masked-LM batch), and the
 * step's learning rate.
 *
 * @param main the shard of the task's batch, or null
 * @param auxiliary the shard of the masked-LM batch, or null
 */
record ReplicaStep(long step, Shard main, Shard auxiliary, double learningRate)
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    ReplicaStep
    {
        if (main == null && auxiliary == null) {
            throw new IllegalArgumentException("step " + step + ": a worker's step needs a shard");
        }
    }
}
