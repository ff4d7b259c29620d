package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.ScheduleEvent;
import org.ernie4j.core.training.data.HeldOutSplit;
import org.ernie4j.core.training.schedule.ScheduleKind;
import org.ernie4j.core.training.schedule.ScheduleSpec;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.document.DocumentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules by which tasks join and leave a run, and what the task table records of them, without an engine.
 */
class TestTaskRoster
{
    private static final long STEPS_PER_TASK = 12;

    @TempDir
    Path temporary;

    @Test
    void aJoiningTaskTakesTheNextIdAndGrowsTheScheduleWhereItJoins()
    {
        SessionSetup setup = oneTask(4);
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        try (TaskRoster roster = configured(setup, parameters)) {
            TaskSchedule schedule = base(setup, roster);
            TaskRoster.Change change = roster.add(join(new TestingTasks.SentenceOrder(), "order.jar"), schedule, 5).orElseThrow();

            assertThat(change.description()).isEqualTo("task testing-sentence-order (from order.jar) joined as task id 1");
            assertThat(change.schedule().taskCount()).isEqualTo(2);
            assertThat(change.schedule().length()).isEqualTo(2 * STEPS_PER_TASK);
            for (long step = 0; step < 5; step++) {
                assertThat(change.schedule().taskAt(step)).as("step %d, before the join", step).isEqualTo(schedule.taskAt(step));
            }
            assertThat(roster.tasks()).extracting(ActiveTask::name).containsExactly("testing-masked-words", "testing-sentence-order");
            assertThat(roster.events()).containsExactly(new ScheduleEvent(ScheduleEvent.ADDED, "testing-sentence-order", 5));
            assertThat(roster.records())
                    .extracting(CheckpointManifest.TaskRecord::name, CheckpointManifest.TaskRecord::taskId, CheckpointManifest.TaskRecord::introducedAtStep,
                            CheckpointManifest.TaskRecord::origin, CheckpointManifest.TaskRecord::retiredAtStep)
                    .containsExactly(tuple("testing-masked-words", 0, 0L, "configured", null), tuple("testing-sentence-order", 1, 5L, "order.jar", null));
            assertThat(roster.records().get(1).implementation()).isEqualTo(TestingTasks.SentenceOrder.class.getName());
            assertThat(roster.positions()).containsOnlyKeys("testing-masked-words", "testing-sentence-order");
            assertThat(parameters.names()).contains(HeadLayout.classifier("testing-sentence-order") + ".bias");
        }
    }

    @Test
    void aTaskThatIsPartOfTheRunAlreadyDoesNotJoinAgainEvenAfterItLeft()
    {
        SessionSetup setup = oneTask(4);
        try (TaskRoster roster = configured(setup, new ModelParameters(DataType.FLOAT))) {
            TaskSchedule schedule = base(setup, roster);
            assertThat(roster.add(join(new TestingTasks.MaskedWords(), "masked.jar"), schedule, 3)).isEmpty();

            TaskSchedule grown = roster.add(join(new TestingTasks.SentenceOrder(), "order.jar"), schedule, 3).orElseThrow().schedule();
            TaskSchedule shrunk = roster.retire(new TaskChange.Retire("testing-sentence-order", "its jar was removed"), grown, 8).orElseThrow().schedule();
            assertThat(roster.add(join(new TestingTasks.SentenceOrder(), "order.jar"), shrunk, 9)).isEmpty();
            assertThat(roster.tasks()).hasSize(2);
            assertThat(roster.events()).extracting(ScheduleEvent::kind).containsExactly(ScheduleEvent.ADDED, ScheduleEvent.RETIRED);
        }
    }

    @Test
    void aTaskLeavesOnceKeepingItsIdAndHeadAndAnUnknownTaskCannotLeave()
    {
        SessionSetup setup = TestPretrainingSession.setup(TestingCorpus.washington1790(4), temporary, 7);
        try (TaskRoster roster = configured(setup, new ModelParameters(DataType.FLOAT))) {
            TaskSchedule schedule = base(setup, roster);
            TaskRoster.Change change = roster.retire(new TaskChange.Retire("testing-masked-words", "its jar was removed"), schedule, 10).orElseThrow();

            assertThat(change.description())
                    .isEqualTo("task testing-masked-words left the schedule (its jar was removed); its head stays in the checkpoints");
            for (long step = 0; step < change.schedule().length(); step++) {
                assertThat(change.schedule().taskAt(step)).as("step %d", step).isEqualTo(step < 10 ? schedule.taskAt(step) : 1);
            }
            assertThat(roster.retire(new TaskChange.Retire("testing-masked-words", "again"), change.schedule(), 11)).isEmpty();
            assertThat(roster.retire(new TaskChange.Retire("testing-unknown", "never joined"), change.schedule(), 11)).isEmpty();
            assertThat(roster.tasks()).extracting(ActiveTask::name).containsExactly("testing-masked-words", "testing-sentence-order");
            assertThat(roster.records()).extracting(CheckpointManifest.TaskRecord::retiredAtStep).containsExactly(10L, null);
            assertThat(roster.events()).containsExactly(new ScheduleEvent(ScheduleEvent.RETIRED, "testing-masked-words", 10));
        }
    }

    @Test
    void aTaskCannotJoinWhenEveryRowOfTheTaskEmbeddingIsTakenAndTheRosterStaysAsItWas()
    {
        SessionSetup setup = oneTask(1);
        try (TaskRoster roster = configured(setup, new ModelParameters(DataType.FLOAT))) {
            TaskSchedule schedule = base(setup, roster);
            assertThatThrownBy(() -> roster.add(join(new TestingTasks.SentenceOrder(), "order.jar"), schedule, 5))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("task testing-sentence-order cannot join: the task embedding has 1 rows and all are taken (model.task-types)");
            assertThat(roster.tasks()).hasSize(1);
            assertThat(roster.events()).isEmpty();
        }
    }

    @Test
    void aScheduleThatCannotGrowRefusesTheTaskBeforeItJoins()
    {
        SessionSetup continual = oneTask(4);
        SessionSetup setup = TestPretrainingSession.withSchedule(continual, new ScheduleSpec(ScheduleKind.UNIFORM, 1.0, Map.of(), null),
                continual.evaluation());
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        try (TaskRoster roster = configured(setup, parameters)) {
            TaskSchedule schedule = base(setup, roster);
            assertThatThrownBy(() -> roster.add(join(new TestingTasks.SentenceOrder(), "order.jar"), schedule, 5))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(roster.tasks()).hasSize(1);
            assertThat(parameters.names()).noneMatch(name -> name.startsWith(HeadLayout.prefix("testing-sentence-order")));
        }
    }

    @Test
    void replayingTheRecordedEventsRebuildsTheScheduleTheRunHad()
    {
        SessionSetup setup = oneTask(4);
        TaskSchedule had;
        List<ScheduleEvent> events;
        try (TaskRoster roster = configured(setup, new ModelParameters(DataType.FLOAT))) {
            TaskSchedule grown = roster.add(join(new TestingTasks.SentenceOrder(), "order.jar"), base(setup, roster), 5).orElseThrow().schedule();
            had = roster.retire(new TaskChange.Retire("testing-masked-words", "its jar was removed"), grown, 9).orElseThrow().schedule();
            events = roster.events();
        }
        try (TaskRoster again = configured(setup, new ModelParameters(DataType.FLOAT))) {
            again.join(plugin(new TestingTasks.SentenceOrder()), "order.jar", null, StartingWeights.NONE);
            again.restoreEvents(events);
            assertThat(again.replay(base(setup, again)).stages()).isEqualTo(had.stages());
        }
        try (TaskRoster withoutTheJoinedTask = configured(setup, new ModelParameters(DataType.FLOAT))) {
            withoutTheJoinedTask.restoreEvents(events);
            assertThatThrownBy(() -> withoutTheJoinedTask.replay(base(setup, withoutTheJoinedTask)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the checkpoint's schedule events describe 2 tasks but its task table has 1");
        }
    }

    @Test
    void theMaskedLmTaskOfEveryStepMustHaveAMaskedTokenHead()
    {
        SessionSetup two = TestPretrainingSession.setup(TestingCorpus.washington1790(4), temporary, 7);
        SessionSetup setup = TestPretrainingSession.withSchedule(two, new ScheduleSpec(ScheduleKind.CONTINUAL, 1, Map.of(), "testing-sentence-order"),
                two.evaluation());
        try (TaskRoster roster = configured(setup, new ModelParameters(DataType.FLOAT))) {
            TaskSchedule schedule = base(setup, roster);
            assertThatThrownBy(() -> roster.plan(schedule))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("task testing-sentence-order has a")
                    .hasMessageContaining("not a masked-token head");
        }
    }

    @Test
    void aTaskTableNeedsEveryTaskIntroducedToTheSchedule()
    {
        SessionSetup setup = oneTask(4);
        try (TaskRoster roster = roster(setup, new ModelParameters(DataType.FLOAT))) {
            roster.join(setup.tasks().get(0), CheckpointManifest.TaskRecord.CONFIGURED, null, StartingWeights.NONE);
            assertThatThrownBy(roster::records).hasMessage("task testing-masked-words joined but was never introduced to the schedule");
        }
    }

    @Test
    void aJoiningTaskIsGivenTheHeldOutDocumentsBesideTheTrainingOnes()
    {
        SessionSetup setup = oneTask(4);
        HeldOutSplit split = HeldOutSplit.of(setup.documents(), 0.5, setup.training().seed());
        List<TaskContext> contexts = new ArrayList<>();
        PretrainingTask recording = new TestingTasks.WrappedMaskedWords((context, labels) -> {
            contexts.add(context);
            return labels;
        });
        try (TaskRoster roster = new TaskRoster(setup, split.training(), split.heldOut(), new ModelParameters(DataType.FLOAT))) {
            roster.join(plugin(recording), CheckpointManifest.TaskRecord.CONFIGURED, null, StartingWeights.NONE);
        }
        assertThat(contexts).singleElement().satisfies(context -> {
            assertThat(ids(context.corpus())).isEqualTo(ids(split.training())).doesNotContainAnyElementsOf(split.heldOutIds());
            assertThat(ids(context.heldOut())).isEqualTo(split.heldOutIds()).isNotEmpty();
        });
    }

    private static List<String> ids(DocumentSource documents)
    {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            ids.add(documents.get(i).id());
        }
        return ids;
    }

    /** A roster with the configuration's tasks joined and introduced as a new run does. */
    private static TaskRoster configured(SessionSetup setup, ModelParameters parameters)
    {
        TaskRoster roster = roster(setup, parameters);
        FreshStart start = new FreshStart(setup, StartingWeights.NONE);
        start.joinTasks(roster, parameters);
        start.schedule(roster, base(setup, roster));
        return roster;
    }

    /** A roster over the setup's documents with nothing held out. */
    static TaskRoster roster(SessionSetup setup, ModelParameters parameters)
    {
        return new TaskRoster(setup, setup.documents(), HeldOutSplit.of(setup.documents(), 0, setup.training().seed()).heldOut(), parameters);
    }

    /** The schedule of the configuration's tasks of {@code roster}, as a session makes it. */
    static TaskSchedule base(SessionSetup setup, TaskRoster roster)
    {
        return StageBook.base(setup, HeldOutSplit.of(setup.documents(), 0, setup.training().seed()), roster.tasks());
    }

    private static TaskChange.Join join(PretrainingTask task, String origin)
    {
        return new TaskChange.Join(plugin(task), origin);
    }

    private static TaskSetup plugin(PretrainingTask task)
    {
        return new TaskSetup(task, new MapTaskSettings("plugins.settings." + task.info().name(), Map.of()));
    }

    /** The masked-words task alone, on a model with {@code taskTypes} rows of task embedding. */
    private SessionSetup oneTask(int taskTypes)
    {
        SessionSetup two = TestPretrainingSession.setup(TestingCorpus.washington1790(4), temporary, 7);
        EncoderConfig e = two.encoder();
        EncoderConfig encoder = new EncoderConfig(e.vocabularySize(), e.hidden(), e.layers(), e.heads(), e.intermediate(), e.maxPositions(),
                e.segmentTypes(), taskTypes, e.dropout(), e.layerNormEpsilon(), e.activation(), e.initializerRange());
        return new SessionSetup(encoder, two.training(), two.schedule(), two.evaluation(), two.tasks().subList(0, 1), two.documents(),
                two.vocabulary(), two.vocabularyFile(), two.corpus(), two.checkpoints(), two.resolvedConfig());
    }
}
