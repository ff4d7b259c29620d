package org.ernie4j.core.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.training.checkpoint.ScheduleEvent;
import org.ernie4j.core.training.evaluate.EvaluationSettings;
import org.ernie4j.core.training.evaluate.ForgettingMatrix;
import org.ernie4j.core.training.evaluate.TaskEvaluation;
import org.ernie4j.spi.MapTaskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tasks that join and leave a running session at step boundaries.
 */
class TestTaskChangesWhileTraining
{
    private static final long STEPS_PER_TASK = 12;

    @TempDir
    Path temporary;

    @Test
    void aTaskJoinsAtAStepBoundaryKeepsEveryTrainedWeightAndIsNeededToResume()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup setup = oneTask(corpus, temporary.resolve("run"));
        TestingChanges changes = new TestingChanges();
        List<StepRecord> steps = new ArrayList<>();
        Map<String, INDArray> beforeJoin = new LinkedHashMap<>();
        Map<String, INDArray> afterJoin = new LinkedHashMap<>();
        List<String> stageTables = new ArrayList<>();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup))) {
            TrainingListener listener = new TrainingListener()
            {
                @Override
                public void onStep(StepRecord record)
                {
                    steps.add(record);
                    if (record.step() == 4) {
                        encoder(session).forEach((name, value) -> beforeJoin.put(name, value.dup()));
                        changes.offer(new TaskChange.Join(sentenceOrder(), "test-plugin.jar"));
                    }
                }

                @Override
                public void onTasksChanged(long step, String description, String stageTable)
                {
                    encoder(session).forEach((name, value) -> afterJoin.put(name, value.dup()));
                    stageTables.add(step + ": " + description + "\n" + stageTable);
                }
            };
            session.run(RunOptions.of(List.of(listener)).withChanges(changes));
            assertThat(session.step()).isEqualTo(2 * STEPS_PER_TASK);
        }
        assertThat(stageTables).hasSize(1);
        assertThat(stageTables.get(0)).startsWith("5: task testing-sentence-order (from test-plugin.jar) joined as task id 1")
                .contains("testing-sentence-order");
        assertThat(afterJoin).isNotEmpty().containsOnlyKeys(beforeJoin.keySet());
        beforeJoin.forEach((name, value) -> assertThat(afterJoin.get(name)).as("encoder parameter %s across the join", name).isEqualTo(value));
        assertThat(steps).hasSize((int) (2 * STEPS_PER_TASK));
        assertThat(steps.subList(0, 5)).extracting(StepRecord::task).containsOnly("testing-masked-words");
        assertThat(steps.subList(5, steps.size())).extracting(StepRecord::task).contains("testing-sentence-order");
        assertThat(steps).filteredOn(record -> record.task().equals("testing-sentence-order")).hasSize((int) STEPS_PER_TASK);

        LoadedCheckpoint last = new CheckpointStore(setup.checkpoints(), 3).latest().orElseThrow();
        CheckpointManifest manifest = last.manifest();
        assertThat(manifest.tasks()).extracting(CheckpointManifest.TaskRecord::name, CheckpointManifest.TaskRecord::taskId,
                        CheckpointManifest.TaskRecord::introducedAtStep, CheckpointManifest.TaskRecord::origin)
                .containsExactly(tuple("testing-masked-words", 0, 0L, "configured"),
                        tuple("testing-sentence-order", 1, 5L, "test-plugin.jar"));
        assertThat(manifest.scheduleEvents()).containsExactly(new ScheduleEvent(ScheduleEvent.ADDED, "testing-sentence-order", 5));

        assertThatThrownBy(() -> PretrainingSession.open(SessionRequest.resume(setup, last)))
                .hasMessageContaining("testing-sentence-order (joined at step 5 from test-plugin.jar)")
                .hasMessageContaining("Put their plugin jars back");
        try (PretrainingSession resumed = PretrainingSession.open(SessionRequest.resume(setup, last)
                .withJoinedTasks(name -> name.equals("testing-sentence-order") ? Optional.of(sentenceOrder()) : Optional.empty()))) {
            assertThat(resumed.schedule().length()).isEqualTo(2 * STEPS_PER_TASK);
            assertThat(resumed.tasks()).extracting(task -> task.name()).containsExactly("testing-masked-words", "testing-sentence-order");
        }
    }

    @Test
    void theStageAJoiningTaskCutsShortIsEvaluatedSoItsForgettingCanBeRead()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup one = oneTask(corpus, temporary.resolve("evaluated"));
        SessionSetup setup = TestPretrainingSession.withSchedule(one, one.schedule(), new EvaluationSettings(0.3, 20, 0));
        TestingChanges changes = new TestingChanges();
        List<TaskEvaluation> evaluations = new ArrayList<>();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup))) {
            TrainingListener listener = new TrainingListener()
            {
                @Override
                public void onStep(StepRecord record)
                {
                    if (record.step() == 4) {
                        changes.offer(new TaskChange.Join(sentenceOrder(), "test-plugin.jar"));
                    }
                }

                @Override
                public void onEvaluation(List<TaskEvaluation> results)
                {
                    evaluations.addAll(results);
                }
            };
            session.run(RunOptions.of(List.of(listener)).withChanges(changes));
        }
        // The single task's stage was to end at step 12; the join ends it at step 5, where the task present is measured.
        assertThat(evaluations).extracting(TaskEvaluation::step, TaskEvaluation::stage, TaskEvaluation::task)
                .containsExactly(tuple(5L, 0, "testing-masked-words"),
                        tuple(2 * STEPS_PER_TASK, 1, "testing-masked-words"), tuple(2 * STEPS_PER_TASK, 1, "testing-sentence-order"));
        assertThat(ForgettingMatrix.of(evaluations).forgetting()).extracting(ForgettingMatrix.Forgetting::task)
                .containsExactly("testing-masked-words");
    }

    @Test
    void aRetiredTaskLeavesTheScheduleAndResumesExactly()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup setup = twoTasks(corpus, temporary.resolve("run"));
        TestingChanges changes = new TestingChanges();
        List<StepRecord> steps = new ArrayList<>();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup))) {
            TrainingListener retireAtTen = record -> {
                steps.add(record);
                if (record.step() == 9) {
                    changes.offer(new TaskChange.Retire("testing-masked-words", "its jar was removed"));
                }
            };
            session.run(RunOptions.of(List.of(retireAtTen)).withChanges(changes));
        }
        assertThat(steps.subList(10, steps.size())).extracting(StepRecord::task).containsOnly("testing-sentence-order");
        assertThat(steps).filteredOn(record -> record.task().equals("testing-sentence-order")).hasSize((int) STEPS_PER_TASK);
        LoadedCheckpoint last = new CheckpointStore(setup.checkpoints(), 3).latest().orElseThrow();
        assertThat(last.manifest().tasks().get(0).retiredAtStep()).isEqualTo(10L);
        assertThat(last.parameters()).containsKey("head.testing-masked-words.output.bias");
        try (PretrainingSession resumed = PretrainingSession.open(SessionRequest.resume(setup, last))) {
            assertThat(resumed.schedule().length()).isEqualTo(steps.size());
            for (long step = 0; step < steps.size(); step++) {
                assertThat(resumed.tasks().get(resumed.schedule().taskAt(step)).name()).as("step %d", step).isEqualTo(steps.get((int) step).task());
            }
        }
    }

    private static Map<String, INDArray> encoder(PretrainingSession session)
    {
        Map<String, INDArray> encoder = new LinkedHashMap<>();
        for (var spec : EncoderLayout.parameters(session.setup().encoder())) {
            encoder.put(spec.name(), session.parameters().get(spec.name()));
        }
        return encoder;
    }

    private static TaskSetup sentenceOrder()
    {
        return new TaskSetup(new TestingTasks.SentenceOrder(), new MapTaskSettings("plugins.settings.testing-sentence-order", Map.of()));
    }

    private static SessionSetup oneTask(TestingCorpus corpus, Path directory)
    {
        SessionSetup two = TestPretrainingSession.setup(corpus, directory, 11);
        return new SessionSetup(two.encoder(), two.training(), two.schedule(), two.evaluation(), two.tasks().subList(0, 1), two.documents(),
                two.vocabulary(), two.vocabularyFile(), two.corpus(), two.checkpoints(), two.resolvedConfig());
    }

    private static SessionSetup twoTasks(TestingCorpus corpus, Path directory)
    {
        return TestPretrainingSession.setup(corpus, directory, 11);
    }

    /** Changes offered by the test, taken by the session at its next step boundary. */
    private static final class TestingChanges
            implements TaskChanges
    {
        private final ConcurrentLinkedQueue<TaskChange> queue = new ConcurrentLinkedQueue<>();

        void offer(TaskChange change)
        {
            queue.add(change);
        }

        @Override
        public boolean pending()
        {
            return !queue.isEmpty();
        }

        @Override
        public List<TaskChange> take()
        {
            List<TaskChange> taken = new ArrayList<>();
            TaskChange change;
            while ((change = queue.poll()) != null) {
                taken.add(change);
            }
            return taken;
        }

        @Override
        public List<TaskChange> await(Duration timeout)
        {
            return take();
        }
    }
}
