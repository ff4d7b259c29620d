package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new run's parameters and tasks: from the seed, or from starting weights that only the configured tasks take.
 */
class TestFreshStart
{
    @TempDir
    Path temporary;

    @Test
    void withoutStartingWeightsTheEncoderComesFromTheSeedAndTasksAreIntroducedWhereTheScheduleFirstTrainsThem()
    {
        SessionSetup setup = setup();
        FreshStart start = new FreshStart(setup, StartingWeights.NONE);
        ModelParameters parameters = start.encoderParameters();
        assertThat(parameters.names()).containsExactlyElementsOf(EncoderLayout.parameters(setup.encoder()).stream().map(ParameterSpec::name).toList());
        String first = EncoderLayout.parameters(setup.encoder()).get(0).name();
        assertThat(start.encoderParameters().get(first).equalsWithEps(parameters.get(first), 0))
                .as("the same seed, the same encoder").isTrue();
        try (TaskRoster roster = TestTaskRoster.roster(setup, parameters)) {
            start.joinTasks(roster, parameters);
            TaskSchedule schedule = start.schedule(roster, TestTaskRoster.base(setup, roster));
            assertThat(roster.records()).extracting(CheckpointManifest.TaskRecord::introducedAtStep)
                    .containsExactly(0L, schedule.stages().get(1).firstStep());
            assertThat(roster.records()).extracting(CheckpointManifest.TaskRecord::origin).containsOnly(CheckpointManifest.TaskRecord.CONFIGURED);
        }
        assertThat(start.step()).isZero();
    }

    @Test
    void startingWeightsGiveTheEncoderAndTheHeadsOfConfiguredTasksButNotOfTasksThatJoinLater()
    {
        SessionSetup two = setup();
        SessionSetup setup = TestPretrainingSession.withTasks(two, two.tasks().subList(0, 1));
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (ParameterSpec spec : EncoderLayout.parameters(setup.encoder())) {
            weights.put(spec.name(), Nd4j.valueArrayOf(spec.shape(), 0.25, DataType.DOUBLE));
        }
        String maskedBias = HeadLayout.outputBias("testing-masked-words");
        String orderBias = HeadLayout.classifier("testing-sentence-order") + ".bias";
        weights.put(maskedBias, Nd4j.valueArrayOf(shape(maskedBias, MaskedTokenHead.create(), setup), 0.5, DataType.FLOAT));
        weights.put(orderBias, Nd4j.valueArrayOf(shape(orderBias, SequenceClassificationHead.of(2), setup), 0.5, DataType.FLOAT));
        FreshStart start = new FreshStart(setup, new StartingWeights(weights));

        ModelParameters parameters = start.encoderParameters();
        String first = EncoderLayout.parameters(setup.encoder()).get(0).name();
        assertThat(parameters.get(first).dataType()).isEqualTo(DataType.FLOAT);
        assertThat(parameters.get(first).meanNumber().doubleValue()).isEqualTo(0.25);
        try (TaskRoster roster = TestTaskRoster.roster(setup, parameters)) {
            start.joinTasks(roster, parameters);
            TaskSchedule schedule = start.schedule(roster, TestTaskRoster.base(setup, roster));
            assertThat(parameters.get(maskedBias).meanNumber().doubleValue()).isEqualTo(0.5);

            roster.add(new TaskChange.Join(new TaskSetup(new TestingTasks.SentenceOrder(),
                    new MapTaskSettings("plugins.settings.testing-sentence-order", Map.of())), "order.jar"), schedule, 3).orElseThrow();
            assertThat(parameters.get(orderBias).meanNumber().doubleValue()).as("a task that joins later starts from the seed").isNotEqualTo(0.5);
        }
    }

    @Test
    void startingWeightsMustHoldEveryEncoderParameterInItsShape()
    {
        SessionSetup setup = setup();
        List<ParameterSpec> encoder = EncoderLayout.parameters(setup.encoder());
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (ParameterSpec spec : encoder.subList(1, encoder.size())) {
            weights.put(spec.name(), Nd4j.zeros(DataType.FLOAT, spec.shape()));
        }
        assertThatThrownBy(() -> new FreshStart(setup, new StartingWeights(weights)).encoderParameters())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the initial weights lack the encoder parameters [" + encoder.get(0).name() + "]");

        weights.put(encoder.get(0).name(), Nd4j.zeros(DataType.FLOAT, 3, 5));
        assertThatThrownBy(() -> new FreshStart(setup, new StartingWeights(weights)).encoderParameters())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the initial weights have " + encoder.get(0).name() + " of shape [3, 5] but this run's model needs");
    }

    private static long[] shape(String parameter, HeadSpec head, SessionSetup setup)
    {
        String task = parameter.split("\\.")[1];
        return HeadLayout.parameters(task, head, setup.encoder()).stream().filter(spec -> spec.name().equals(parameter)).findFirst().orElseThrow()
                .shape();
    }

    private SessionSetup setup()
    {
        return TestPretrainingSession.setup(TestingCorpus.washington1790(4), temporary, 7);
    }
}
