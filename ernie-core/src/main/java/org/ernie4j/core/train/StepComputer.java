package org.ernie4j.core.train;

import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.example.Batch;

/**
 * Computes the loss and gradients of one batch for the {@link Trainer}: in this JVM with the session's engine, or spread
 * over a cluster that averages the gradients of the batch's shards. Everything around it (the schedule, the choice of
 * batch, the NaN guard, the optimizer, checkpoints, metrics and resume) stays the trainer's, so a distributed run differs
 * from a local one only in where this arithmetic happens.
 */
@FunctionalInterface
public interface StepComputer
        extends AutoCloseable
{
    /**
     * The loss, accuracy and gradients of the batch for the task, as {@link ModelEngine#gradients} defines them, at the
     * parameters as they stand now. The gradient arrays may be overwritten by the next call.
     */
    StepResult gradients(TaskHead task, Batch batch, long dropoutSeed);

    @Override
    default void close()
    {
    }

    /** Makes the step computer of a session once its model exists. */
    @FunctionalInterface
    interface Factory
    {
        /** Steps computed by the session's own engine. */
        Factory LOCAL = (setup, parameters, engine) -> engine::gradients;

        /**
         * @param setup the session's setup (the encoder's shape, the engine asked for)
         * @param parameters the live parameters the optimizer updates in place: read them at each step
         * @param engine the session's engine in this JVM
         */
        StepComputer create(SessionSetup setup, ModelParameters parameters, ModelEngine engine);
    }
}
