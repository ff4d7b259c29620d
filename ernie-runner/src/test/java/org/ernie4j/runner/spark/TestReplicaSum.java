package org.ernie4j.runner.spark;

import java.util.Map;
import java.util.Set;

import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.training.LocalRounds;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The averaging at the end of a round counts every worker once, also one whose steps never reached a parameter (it
 * still holds the round's starting value); step measurements are weighted by the shards' loss weights; and the earliest
 * divergence among the workers is the one reported.
 */
class TestReplicaSum
{
    private static final OptimizerSettings SETTINGS = new OptimizerSettings(1e-3, 0, 10, 0.9, 0.999, 1e-6, 0.0, 1.0);

    @Test
    void aParameterOnlyOneOfThreeWorkersChangedMovesAThirdOfTheWay()
    {
        ModelParameters live = parameters(1f);
        AdamW driver = new AdamW(SETTINGS, live);
        ModelParameters changed = parameters(4f);
        ReplicaSum sum = ReplicaSum.empty(1);
        sum.add(worker(changed, Map.of("w", moments(0.3f, 0.6f, 5)), Set.of("w"), 0, 2.0, 1.0));
        sum.add(worker(parameters(9f), Map.of(), Set.of(), 0, 6.0, 3.0));
        sum.add(worker(parameters(9f), Map.of(), Set.of(), 0, 0.0, 0.0));

        sum.averageInto(live, driver);

        assertThat(live.get("w").getFloat(0)).isCloseTo(2f, within(1e-6f));
        AdamW.Moments moments = driver.state().get("w");
        assertThat(moments.first().getFloat(1)).isCloseTo(0.1f, within(1e-6f));
        assertThat(moments.second().getFloat(1)).isCloseTo(0.2f, within(1e-6f));
        assertThat(moments.updates()).isEqualTo(5);
        LocalRounds.Outcome outcome = sum.outcomes().get(0);
        assertThat(outcome.main().loss()).as("losses weighted 2 : 6").isCloseTo((2.0 * 1.0 + 6.0 * 3.0) / 8.0, within(1e-12));
    }

    @Test
    void theEarliestDivergenceOfAnyWorkerIsReported()
    {
        ReplicaSum later = ReplicaSum.worker(4);
        later.diverged(7, "the loss is NaN on worker 0");
        ReplicaSum earlier = ReplicaSum.worker(4);
        earlier.diverged(5, "the gradient norm is Infinity on worker 1");
        ReplicaSum sum = ReplicaSum.empty(4).add(later).add(earlier).add(ReplicaSum.worker(4));

        assertThat(sum.divergedAnywhere()).isTrue();
        assertThat(sum.divergedStep()).isEqualTo(5);
        assertThat(sum.divergence()).contains("worker 1");
        assertThat(sum.replicas()).isEqualTo(3);
    }

    private static ReplicaSum worker(ModelParameters parameters, Map<String, AdamW.Moments> moments, Set<String> changed, int position,
            double weight, double loss)
    {
        ReplicaSum sum = ReplicaSum.worker(1);
        if (weight > 0) {
            sum.step(position, weight, new Evaluation(loss, 1, 2));
            sum.norm(position, 1.0);
        }
        sum.finish(parameters, moments, changed, 0.0);
        return sum;
    }

    private static ModelParameters parameters(float value)
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        parameters.add(new ParameterSpec("w", new long[] {2}, Initialization.ZEROS, false), Nd4j.valueArrayOf(new long[] {2}, value, DataType.FLOAT));
        return parameters;
    }

    private static AdamW.Moments moments(float first, float second, long updates)
    {
        return new AdamW.Moments(Nd4j.valueArrayOf(new long[] {2}, first, DataType.FLOAT), Nd4j.valueArrayOf(new long[] {2}, second, DataType.FLOAT),
                updates);
    }
}
