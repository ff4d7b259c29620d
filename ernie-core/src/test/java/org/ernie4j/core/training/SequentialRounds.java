package org.ernie4j.core.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.model.optim.GradientClipping;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Rounds of one worker, in this JVM: each step of a round taken as the trainer takes a single step, on the live
 * parameters. A run with these rounds must therefore repeat a single-machine run; the rounds the trainer handed over are
 * recorded. A step that diverges puts the parameters and moments back as the round found them, as the contract asks.
 */
final class SequentialRounds
        implements LocalRounds
{
    private final StepComputer.Context context;
    private final int stepsPerRound;
    private final List<List<Long>> rounds;

    private SequentialRounds(StepComputer.Context context, int stepsPerRound, List<List<Long>> rounds)
    {
        this.context = context;
        this.stepsPerRound = stepsPerRound;
        this.rounds = rounds;
    }

    /** Step computers whose rounds are {@code stepsPerRound} long; each round's steps are added to {@code rounds}. */
    static StepComputer.Factory steps(int stepsPerRound, List<List<Long>> rounds)
    {
        return context -> StepComputer.inRounds(new SequentialRounds(context, stepsPerRound, rounds));
    }

    @Override
    public int stepsPerRound()
    {
        return stepsPerRound;
    }

    @Override
    public List<Outcome> train(List<Step> steps, Optimizer optimizer, OptimizerSettings settings)
    {
        rounds.add(steps.stream().map(Step::step).toList());
        ModelParameters parameters = context.parameters();
        Map<String, INDArray> startValues = new HashMap<>();
        parameters.names().forEach(name -> startValues.put(name, parameters.get(name).dup()));
        Map<String, AdamW.Moments> startMoments = new HashMap<>();
        optimizer.state().forEach((name, moments) -> startMoments.put(name,
                new AdamW.Moments(moments.first().dup(), moments.second().dup(), moments.updates())));
        List<Outcome> outcomes = new ArrayList<>();
        for (Step step : steps) {
            StepResult main = context.localEngine().gradients(step.main().task(), step.main().batch(), step.main().dropoutSeed());
            if (!Double.isFinite(main.loss())) {
                startValues.forEach((name, value) -> parameters.get(name).assign(value));
                optimizer.restore(startMoments);
                throw new TrainingDivergedException(step.step(), step.taskName(), "the loss is " + main.loss());
            }
            Map<String, INDArray> gradients = new HashMap<>(main.gradients());
            double auxiliaryLoss = Double.NaN;
            if (step.auxiliary().isPresent()) {
                gradients.replaceAll((name, gradient) -> gradient.dup());
                LocalRounds.Input masked = step.auxiliary().get();
                StepResult result = context.localEngine().gradients(masked.task(), masked.batch(), masked.dropoutSeed());
                auxiliaryLoss = result.loss();
                result.gradients().forEach((name, gradient) -> gradients.merge(name, gradient, INDArray::add));
            }
            double norm = optimizer.gradientNorm(gradients);
            optimizer.apply(gradients, step.learningRate(), GradientClipping.scale(norm, settings.clipNorm()));
            outcomes.add(new Outcome(main.evaluation(), auxiliaryLoss, norm));
        }
        return outcomes;
    }
}
