package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one way into a session and into its training loop, and what each leaves at its default.
 */
class TestSessionRequest
{
    @TempDir
    Path temporary;

    @Test
    void aNewRunStartsFromTheSeedWithTheConfiguredTasksOnlyInThisJvm()
    {
        SessionRequest request = SessionRequest.start(setup());
        assertThat(request.checkpoint()).isEmpty();
        assertThat(request.initialWeights()).isEmpty();
        assertThat(request.joinedTasks()).isSameAs(TaskSource.NONE);
        assertThat(request.steps()).isSameAs(StepComputer.Factory.LOCAL);
    }

    @Test
    void aResumedRunContinuesFromItsCheckpointsWeightsNotFromInitialWeights()
    {
        SessionRequest resume = SessionRequest.resume(setup(), checkpoint());
        assertThat(resume.checkpoint()).isPresent();
        assertThatThrownBy(() -> resume.withInitialWeights(Map.of("embeddings.token", Nd4j.zeros(DataType.FLOAT, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial weights are for a new run");
    }

    @Test
    void runOptionsTrainToTheEndOfTheScheduleWithTheTasksTheSessionHasUnlessToldOtherwise()
    {
        RunOptions options = RunOptions.of(List.of());
        assertThat(options.maxSteps()).isEqualTo(Long.MAX_VALUE);
        assertThat(options.changes()).isSameAs(TaskChanges.NONE);
        assertThat(options.waitForTasks()).isFalse();
        assertThat(options.withMaxSteps(0).maxSteps()).isZero();
        assertThatThrownBy(() -> options.withMaxSteps(-1)).hasMessage("maxSteps must not be negative: -1");
    }

    private SessionSetup setup()
    {
        return TestPretrainingSession.setup(TestingCorpus.washington1790(2), temporary, 7);
    }

    private LoadedCheckpoint checkpoint()
    {
        CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT_VERSION, 3, 7, List.of(), List.of(), Map.of(), Map.of(),
                JsonNodeFactory.instance.objectNode(), new CheckpointManifest.Provenance("0", "0", "17", "now", "corpus-sha", "vocab-sha"), Map.of());
        return new LoadedCheckpoint(temporary.resolve("step-00000003"), manifest, Map.of(), Map.of());
    }
}
