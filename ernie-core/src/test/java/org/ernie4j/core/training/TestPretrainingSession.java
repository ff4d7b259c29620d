package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.training.evaluate.EvaluationSettings;
import org.ernie4j.core.training.evaluate.TaskEvaluation;
import org.ernie4j.core.training.schedule.ScheduleKind;
import org.ernie4j.core.training.schedule.ScheduleSpec;
import org.ernie4j.spi.MapTaskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestPretrainingSession
{
    private static final long STEPS_PER_TASK = 12;

    @TempDir
    Path temporary;

    @Test
    void resumedRunRepeatsTheUninterruptedLossCurve()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        List<StepRecord> straight = new ArrayList<>();
        Map<String, INDArray> straightParameters;
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup(corpus, temporary.resolve("straight"), 7)))) {
            session.run(RunOptions.of(List.of(straight::add)));
            assertThat(session.step()).isEqualTo(2 * STEPS_PER_TASK);
            straightParameters = snapshot(session);
        }

        List<StepRecord> interrupted = new ArrayList<>();
        SessionSetup setup = setup(corpus, temporary.resolve("interrupted"), 7);
        try (PretrainingSession first = PretrainingSession.open(SessionRequest.start(setup))) {
            assertThat(first.run(RunOptions.of(List.of(interrupted::add)).withMaxSteps(STEPS_PER_TASK))).isEqualTo(STEPS_PER_TASK);
        }
        try (PretrainingSession second = PretrainingSession.open(SessionRequest.resume(setup, latest(setup)))) {
            assertThat(second.step()).isEqualTo(STEPS_PER_TASK);
            second.run(RunOptions.of(List.of(interrupted::add)));
            assertThat(second.step()).isEqualTo(2 * STEPS_PER_TASK);
            Map<String, INDArray> resumedParameters = snapshot(second);
            straightParameters.forEach((name, value) -> assertThat(resumedParameters.get(name).equalsWithEps(value, 1e-6))
                    .as("parameter %s after resume", name).isTrue());
        }

        assertThat(interrupted).hasSize(straight.size());
        for (int i = 0; i < straight.size(); i++) {
            assertThat(interrupted.get(i).task()).isEqualTo(straight.get(i).task());
            assertThat(interrupted.get(i).loss()).as("loss at step %d", i).isCloseTo(straight.get(i).loss(), within(1e-6));
        }
        // Both tasks trained, and training moved the loss.
        assertThat(straight).extracting(StepRecord::task).contains("testing-masked-words", "testing-sentence-order");
        assertThat(straight.get(0).loss()).isNotEqualTo(straight.get(straight.size() - 1).loss());
    }

    @Test
    void resumeRefusesAnotherSeed()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup setup = setup(corpus, temporary.resolve("run"), 7);
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup))) {
            session.run(RunOptions.of(List.of()).withMaxSteps(3));
        }
        SessionSetup other = setup(corpus, temporary.resolve("run"), 8);
        assertThatThrownBy(() -> PretrainingSession.open(SessionRequest.resume(other, latest(other))))
                .hasMessageContaining("seed is 7 but the configuration's is 8");
    }

    @Test
    void unknownTaskSettingIsReportedWithItsPath()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup good = setup(corpus, temporary.resolve("run"), 7);
        List<TaskSetup> tasks = List.of(new TaskSetup(new TestingTasks.MaskedWords(),
                new MapTaskSettings("tasks.testing-masked-words.settings", Map.of("rat", 0.2))));
        SessionSetup bad = withTasks(good, tasks);
        assertThatThrownBy(() -> PretrainingSession.open(SessionRequest.start(bad)))
                .hasMessageContaining("tasks.testing-masked-words.settings.rat")
                .hasMessageContaining("unknown setting")
                .hasMessageContaining("rate");
    }

    @Test
    void divergingTaskStopsTheRunNamingStepAndTaskAndLeavesTheCheckpointsIntact()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup good = setup(corpus, temporary.resolve("run"), 7);
        List<TaskSetup> tasks = List.of(
                new TaskSetup(new TestingTasks.MaskedWords(), new MapTaskSettings("tasks[0].settings", Map.of())),
                new TaskSetup(new TestingTasks.Diverging(), new MapTaskSettings("tasks[1].settings", Map.of())));
        SessionSetup setup = withTasks(good, tasks);
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup))) {
            // Stage 0 trains only the first task; the diverging task joins in stage 1.
            long firstBadStep = session.schedule().stages().get(1).firstStep();
            assertThatThrownBy(() -> session.run(RunOptions.of(List.of())))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("(task testing-diverging)")
                    .hasMessageMatching("training diverged at step \\d+ .*the loss is -?(Infinity|NaN).*")
                    .satisfies(e -> assertThat(((TrainingDivergedException) e).step()).isGreaterThanOrEqualTo(firstBadStep));
        }
        LoadedCheckpoint last = latest(setup);
        assertThat(last.manifest().step()).isPositive();
        last.parameters().forEach((name, value) -> assertThat(value.isInfinite().any() || value.isNaN().any())
                .as("parameter %s of the last checkpoint is finite", name).isFalse());
    }

    @Test
    void heldOutEvaluationAtStageEndsAndMaskedLmEveryStepResumeExactly()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(3);
        ScheduleSpec withMaskedLm = new ScheduleSpec(ScheduleKind.CONTINUAL, 1, Map.of(), "testing-masked-words");
        EvaluationSettings evaluation = new EvaluationSettings(0.2, 8, 0);
        SessionSetup straightSetup = withSchedule(setup(corpus, temporary.resolve("straight"), 3), withMaskedLm, evaluation);
        List<StepRecord> straight = new ArrayList<>();
        List<TaskEvaluation> evaluations = new ArrayList<>();
        TrainingListener recorder = new TrainingListener()
        {
            @Override
            public void onStep(StepRecord record)
            {
                straight.add(record);
            }

            @Override
            public void onEvaluation(List<TaskEvaluation> results)
            {
                evaluations.addAll(results);
            }
        };
        long stageOneEnd;
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(straightSetup))) {
            stageOneEnd = session.schedule().stages().get(0).endStep();
            assertThat(session.heldOutDocuments()).isNotEmpty();
            session.run(RunOptions.of(List.of(recorder)));
        }
        // Every step of the second task also trained the masked-LM task; the masked-LM task's own steps did not twice.
        for (StepRecord record : straight) {
            if (record.task().equals("testing-sentence-order")) {
                assertThat(record.maskedLmLoss()).as("step %d", record.step()).isFinite().isPositive();
            }
            else {
                assertThat(record.maskedLmLoss()).isNaN();
            }
        }
        // After stage 0 only the first task is evaluated; at the end both are, on the same held-out examples.
        assertThat(evaluations).filteredOn(result -> result.step() == stageOneEnd).extracting(TaskEvaluation::task)
                .containsExactly("testing-masked-words");
        assertThat(evaluations).filteredOn(result -> result.step() == 2 * STEPS_PER_TASK).extracting(TaskEvaluation::task)
                .containsExactly("testing-masked-words", "testing-sentence-order");
        assertThat(evaluations).allSatisfy(result -> {
            assertThat(result.loss()).isFinite().isPositive();
            assertThat(result.labelled()).isPositive();
            assertThat(result.accuracy()).isBetween(0.0, 1.0);
        });

        SessionSetup resumedSetup = withSchedule(setup(corpus, temporary.resolve("resumed"), 3), withMaskedLm, evaluation);
        List<StepRecord> resumed = new ArrayList<>();
        try (PretrainingSession first = PretrainingSession.open(SessionRequest.start(resumedSetup))) {
            first.run(RunOptions.of(List.of(resumed::add)).withMaxSteps(7));
        }
        try (PretrainingSession second = PretrainingSession.open(SessionRequest.resume(resumedSetup, latest(resumedSetup)))) {
            second.run(RunOptions.of(List.of(resumed::add)));
        }
        assertThat(resumed).hasSize(straight.size());
        for (int i = 0; i < straight.size(); i++) {
            assertThat(resumed.get(i).loss()).as("loss at step %d", i).isCloseTo(straight.get(i).loss(), within(1e-6));
            assertThat(resumed.get(i).maskedLmLoss()).as("masked-LM loss at step %d", i)
                    .isCloseTo(straight.get(i).maskedLmLoss(), within(1e-6));
        }
    }

    @Test
    void aFailingLabelGeneratorStopsTheRunNamingTaskAndDocumentWithACheckpointOfTheStepBefore()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup good = setup(corpus, temporary.resolve("run"), 7);
        String failing = corpus.documents().get(corpus.size() - 1).id();
        TrainingSettings oneDocumentAtATime = new TrainingSettings(7, 4, 48, STEPS_PER_TASK, 1, 100, 3, good.training().optimizer());
        SessionSetup setup = new SessionSetup(good.encoder(), oneDocumentAtATime, good.schedule(), good.evaluation(),
                List.of(new TaskSetup(new TestingTasks.FailsOnOneDocument(failing), new MapTaskSettings("tasks[0].settings", Map.of()))),
                good.documents(), good.vocabulary(), good.vocabularyFile(), good.corpus(), good.checkpoints(), good.resolvedConfig());
        List<StepRecord> steps = new ArrayList<>();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup))) {
            assertThatThrownBy(() -> session.run(RunOptions.of(List.of(steps::add))))
                    .isInstanceOf(TrainingStepException.class)
                    .hasMessageContaining("(task testing-failing) failed")
                    .hasMessageContaining("document " + failing)
                    .hasMessageContaining("cannot read this document's markers")
                    .satisfies(e -> assertThat(((TrainingStepException) e).step()).isEqualTo(steps.size()));
        }
        LoadedCheckpoint saved = latest(setup);
        assertThat(saved.manifest().step()).as("a checkpoint of the state before the failed step").isEqualTo(steps.size());
        // The data position was wound back: resuming meets the same document at the same step.
        try (PretrainingSession resumed = PretrainingSession.open(SessionRequest.resume(setup, saved))) {
            assertThatThrownBy(() -> resumed.run(RunOptions.of(List.of())))
                    .isInstanceOf(TrainingStepException.class)
                    .satisfies(e -> assertThat(((TrainingStepException) e).step()).isEqualTo(steps.size()));
        }
    }

    static LoadedCheckpoint latest(SessionSetup setup)
    {
        return new org.ernie4j.core.training.checkpoint.CheckpointStore(setup.checkpoints(), 3).latest().orElseThrow();
    }

    private static Map<String, INDArray> snapshot(PretrainingSession session)
    {
        Map<String, INDArray> copy = new java.util.LinkedHashMap<>();
        for (String name : session.parameters().names()) {
            copy.put(name, session.parameters().get(name).dup());
        }
        return copy;
    }

    static SessionSetup setup(TestingCorpus corpus, Path directory, long seed)
    {
        EncoderConfig encoder = new EncoderConfig(corpus.vocabulary().size(), 16, 1, 2, 32, 48, 2, 4, 0.1, 1e-12,
                Activation.GELU_TANH, 0.02);
        OptimizerSettings optimizer = new OptimizerSettings(1e-3, 4, 2 * STEPS_PER_TASK, 0.9, 0.999, 1e-6, 0.01, 1.0);
        TrainingSettings training = new TrainingSettings(seed, 4, 48, STEPS_PER_TASK, 3, 5, 3, optimizer);
        List<TaskSetup> tasks = List.of(
                new TaskSetup(new TestingTasks.MaskedWords(), new MapTaskSettings("tasks.testing-masked-words.settings", Map.of())),
                new TaskSetup(new TestingTasks.SentenceOrder(), new MapTaskSettings("tasks.testing-sentence-order.settings", Map.of())));
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putObject("model").put("hidden", 16);
        return new SessionSetup(encoder, training, ScheduleSpec.continual(), EvaluationSettings.off(), tasks, corpus, corpus.vocabulary(), Optional.empty(),
                new CorpusIdentity("corpus-sha", "vocab-sha"), directory, config);
    }

    static SessionSetup withTasks(SessionSetup setup, List<TaskSetup> tasks)
    {
        return new SessionSetup(setup.encoder(), setup.training(), setup.schedule(), setup.evaluation(), tasks, setup.documents(),
                setup.vocabulary(), setup.vocabularyFile(), setup.corpus(), setup.checkpoints(), setup.resolvedConfig());
    }

    static SessionSetup withSchedule(SessionSetup setup, ScheduleSpec schedule, EvaluationSettings evaluation)
    {
        return new SessionSetup(setup.encoder(), setup.training(), schedule, evaluation, setup.tasks(), setup.documents(),
                setup.vocabulary(), setup.vocabularyFile(), setup.corpus(), setup.checkpoints(), setup.resolvedConfig());
    }
}
