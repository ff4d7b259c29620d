package org.ernie4j.core.training;

import java.util.List;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;

import static java.util.Objects.requireNonNull;

/**
 * Trains rounds of several consecutive steps away from the trainer and brings back their average (parameter averaging,
 * also called local SGD): each worker starts the round from the live parameters and optimizer state, takes the round's
 * steps on its own shard of every batch with its own optimizer, and at the end of the round the workers' parameters and
 * optimizer moments are averaged into the live ones. With one worker a round is exactly the steps a single machine
 * takes; with more, the workers exchange nothing until the round ends, which is what makes rounds cheaper than
 * averaging gradients every step.
 *
 * <p>The trainer still decides everything else: the schedule, the batches, the learning rate of each step, the
 * checkpoints, evaluations and metrics, which it writes only at the end of a round.
 */
@PublicApi
public interface LocalRounds
{
    /** The steps of a full round (more than 1); a round ends earlier where a checkpoint or an evaluation is due. */
    int stepsPerRound();

    /**
     * Trains the round's steps and leaves the averaged parameters in the live parameters and the averaged moments in
     * {@code optimizer}. If a step diverges on any worker (a loss or gradient norm that is not finite), throws
     * {@link TrainingDivergedException} naming that step, and changes nothing: the trainer then writes a checkpoint of the
     * state before the round.
     *
     * @param settings the optimizer's hyper-parameters and clipping; each step carries its own learning rate
     * @return one outcome per step, in order
     */
    List<Outcome> train(List<Step> steps, Optimizer optimizer, OptimizerSettings settings);

    /** A batch for a task, with the dropout seed of the step. */
    record Input(TaskHead task, Batch batch, long dropoutSeed)
    {
        public Input
        {
            requireNonNull(task, "task is null");
            requireNonNull(batch, "batch is null");
        }
    }

    /**
     * One step of a round.
     *
     * @param auxiliary the masked-LM batch whose loss is added to the step, where the run trains one every step
     */
    record Step(long step, String taskName, Input main, Optional<Input> auxiliary, double learningRate)
    {
        public Step
        {
            requireNonNull(taskName, "taskName is null");
            requireNonNull(main, "main is null");
            requireNonNull(auxiliary, "auxiliary is null");
        }
    }

    /**
     * What one step of a round measured, over all workers.
     *
     * @param main the step's loss (each worker's shard loss at its own parameters, weighted as the shards' items are) and
     *         its labelled items predicted right
     * @param auxiliaryLoss the masked-LM batch's loss, or NaN when the step had none
     * @param gradientNorm the mean over the workers of their global gradient norms before clipping
     */
    record Outcome(Evaluation main, double auxiliaryLoss, double gradientNorm)
    {
        public Outcome
        {
            requireNonNull(main, "main is null");
        }
    }
}
