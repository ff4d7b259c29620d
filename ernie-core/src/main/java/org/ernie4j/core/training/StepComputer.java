package org.ernie4j.core.training;

import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;

import static java.util.Objects.requireNonNull;

/**
 * Computes the loss and gradients of one batch for the {@link Trainer}: in this JVM with the session's engine, or spread
 * over a cluster that averages the gradients of the batch's shards. Everything around it (the schedule, the choice of
 * batch, the NaN guard, the optimizer, checkpoints, metrics and resume) stays the trainer's, so a distributed run differs
 * from a local one only in where this arithmetic happens.
 */
@FunctionalInterface
@PublicApi
public interface StepComputer
        extends AutoCloseable
{
    /**
     * The loss, accuracy and gradients of the batch for the task, as {@link ModelEngine#gradients} defines them, at the
     * parameters as they stand now. The gradient arrays may be overwritten by the next call.
     */
    StepResult gradients(TaskHead task, Batch batch, long dropoutSeed);

    /**
     * Where steps are trained in rounds of local steps whose results are averaged, the rounds; then the trainer hands
     * them whole rounds instead of asking for each step's gradients. Empty (the default) for gradients every step.
     */
    default Optional<LocalRounds> rounds()
    {
        return Optional.empty();
    }

    @Override
    default void close()
    {
    }

    /**
     * A step computer that trains in {@code rounds} only (the trainer then never asks it for a single step's gradients):
     * for rounds of local steps that run somewhere other than a Spark cluster.
     */
    static StepComputer inRounds(LocalRounds rounds)
    {
        requireNonNull(rounds, "rounds is null");
        return new StepComputer()
        {
            @Override
            public StepResult gradients(TaskHead task, Batch batch, long dropoutSeed)
            {
                throw new UnsupportedOperationException("this step computer trains in rounds of " + rounds.stepsPerRound() + " steps only");
            }

            @Override
            public Optional<LocalRounds> rounds()
            {
                return Optional.of(rounds);
            }
        };
    }

    /** Makes the step computer of a session (or a benchmark) once its model exists. */
    @FunctionalInterface
    interface Factory
    {
        /** Steps computed by the session's own engine. */
        Factory LOCAL = context -> context.localEngine()::gradients;

        StepComputer create(Context context);
    }

    /**
     * What a step computer computes with.
     *
     * @param encoder the encoder's shape
     * @param engine the engine asked for ({@code auto} may resolve differently on another machine)
     * @param padId the padding id of the vocabulary
     * @param parameters the live parameters the optimizer updates in place: read them at each step
     * @param localEngine the engine of this JVM
     */
    record Context(EncoderConfig encoder, EngineKind engine, int padId, ModelParameters parameters, ModelEngine localEngine)
    {
        public Context
        {
            requireNonNull(encoder, "encoder is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(parameters, "parameters is null");
            requireNonNull(localEngine, "localEngine is null");
        }
    }
}
