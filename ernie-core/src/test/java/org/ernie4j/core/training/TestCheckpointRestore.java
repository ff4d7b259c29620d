package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.training.data.StreamPosition;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.spi.MapTaskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a checkpoint writer records of a run's parameters and tasks comes back through the restore path, without an
 * engine or a step of training.
 */
class TestCheckpointRestore
{
    @TempDir
    Path temporary;

    @Test
    void aCheckpointBringsBackTheParametersTasksDataPositionsAndSchedule()
    {
        SessionSetup setup = oneTaskAndRoomForMore();
        Written written = writeAfterAJoinAndARetirement(setup);

        CheckpointRestore restore = new CheckpointRestore(setup, written.checkpoint(),
                name -> name.equals("testing-sentence-order") ? Optional.of(sentenceOrder()) : Optional.empty());
        assertThat(restore.step()).isEqualTo(9);
        ModelParameters parameters = restore.encoderParameters();
        try (TaskRoster roster = TestTaskRoster.roster(setup, parameters)) {
            restore.joinTasks(roster, parameters);
            TaskSchedule schedule = restore.schedule(roster, TestTaskRoster.base(setup, roster));

            assertThat(roster.records()).isEqualTo(written.records());
            assertThat(roster.events()).isEqualTo(written.checkpoint().manifest().scheduleEvents());
            assertThat(roster.positions()).isEqualTo(written.positions());
            assertThat(schedule.stages()).isEqualTo(written.schedule().stages());
            assertThat(parameters.names()).containsExactlyInAnyOrderElementsOf(written.checkpoint().parameters().keySet());
            written.checkpoint().parameters().forEach((name, value) -> assertThat(parameters.get(name).equalsWithEps(value, 0))
                    .as("parameter %s", name).isTrue());
        }
    }

    @Test
    void aTaskThatJoinedAndIsNotAvailableNowIsNamedWithWhereItCameFrom()
    {
        SessionSetup setup = oneTaskAndRoomForMore();
        LoadedCheckpoint checkpoint = writeAfterAJoinAndARetirement(setup).checkpoint();
        CheckpointRestore restore = new CheckpointRestore(setup, checkpoint, TaskSource.NONE);
        ModelParameters parameters = restore.encoderParameters();
        try (TaskRoster roster = TestTaskRoster.roster(setup, parameters)) {
            assertThatThrownBy(() -> restore.joinTasks(roster, parameters))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot resume from " + checkpoint.directory())
                    .hasMessageContaining("testing-sentence-order (joined at step 5 from order.jar)");
        }
    }

    private record Written(LoadedCheckpoint checkpoint, List<CheckpointManifest.TaskRecord> records, Map<String, StreamPosition> positions,
            TaskSchedule schedule) {}

    /** A checkpoint at step 9 of a run whose second task joined at step 5 and whose first left at step 9. */
    private Written writeAfterAJoinAndARetirement(SessionSetup setup)
    {
        FreshStart start = new FreshStart(setup, StartingWeights.NONE);
        ModelParameters parameters = start.encoderParameters();
        try (TaskRoster roster = TestTaskRoster.roster(setup, parameters)) {
            start.joinTasks(roster, parameters);
            TaskSchedule schedule = start.schedule(roster, TestTaskRoster.base(setup, roster));
            schedule = roster.add(new TaskChange.Join(sentenceOrder(), "order.jar"), schedule, 5).orElseThrow().schedule();
            schedule = roster.retire(new TaskChange.Retire("testing-masked-words", "its jar was removed"), schedule, 9).orElseThrow().schedule();
            new CheckpointWriter(setup, parameters, new AdamW(setup.training().optimizer(), parameters), roster).save(9);
            LoadedCheckpoint checkpoint = new CheckpointStore(setup.checkpoints(), setup.training().keepCheckpoints()).latest().orElseThrow();
            return new Written(checkpoint, roster.records(), roster.positions(), schedule);
        }
    }

    private static TaskSetup sentenceOrder()
    {
        return new TaskSetup(new TestingTasks.SentenceOrder(), new MapTaskSettings("plugins.settings.testing-sentence-order", Map.of()));
    }

    private SessionSetup oneTaskAndRoomForMore()
    {
        SessionSetup two = TestPretrainingSession.setup(TestingCorpus.washington1790(4), temporary.resolve("checkpoints"), 7);
        EncoderConfig encoder = two.encoder();
        assertThat(encoder.taskTypes()).isGreaterThan(1);
        return TestPretrainingSession.withTasks(two, two.tasks().subList(0, 1));
    }
}
