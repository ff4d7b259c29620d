package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The trainer's side of rounds of local steps: it hands over rounds aligned to multiples of K that end early where a
 * checkpoint or an evaluation is due (so both happen at the steps of a single-machine run), records every step of a
 * round, and treats a round that diverges as it treats a step: the data goes back and the state before the round is
 * saved.
 */
class TestLocalRounds
{
    private static final int ROUND = 3;
    private static final long CHECKPOINT_EVERY = 5;

    @TempDir
    Path temporary;

    @Test
    void roundsAreAlignedToKAndEndWhereACheckpointOrAnEvaluationIsDue()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(3);
        ScheduleSpec withMaskedLm = new ScheduleSpec(ScheduleKind.CONTINUAL, 1, Map.of(), "testing-masked-words");
        EvaluationSettings evaluation = new EvaluationSettings(0.2, 8, 0);
        Trained single = train(TestPretrainingSession.withSchedule(TestPretrainingSession.setup(corpus, temporary.resolve("single"), 3), withMaskedLm,
                evaluation), StepComputer.Factory.LOCAL);
        List<List<Long>> rounds = new ArrayList<>();
        SessionSetup setup = TestPretrainingSession.withSchedule(TestPretrainingSession.setup(corpus, temporary.resolve("rounds"), 3), withMaskedLm,
                evaluation);
        Trained inRounds = train(setup, SequentialRounds.steps(ROUND, rounds));

        // A round ends at every multiple of K, checkpoint (every 5 steps) and evaluation (at the stage ends) of the 24 steps.
        TreeSet<Long> ends = new TreeSet<>();
        for (long step = 1; step <= 24; step++) {
            if (step % ROUND == 0 || step % CHECKPOINT_EVERY == 0 || step == 24) {
                ends.add(step);
            }
        }
        single.evaluations.forEach(result -> ends.add(result.step()));
        assertThat(single.evaluations).extracting(TaskEvaluation::step).as("an evaluation inside a round").contains(8L);
        List<List<Long>> expectedRounds = new ArrayList<>();
        long from = 0;
        for (long end : ends) {
            expectedRounds.add(steps(from, end));
            from = end;
        }
        assertThat(rounds).containsExactlyElementsOf(expectedRounds);
        assertThat(inRounds.steps).hasSameSizeAs(single.steps);
        for (int i = 0; i < single.steps.size(); i++) {
            StepRecord expected = single.steps.get(i);
            StepRecord actual = inRounds.steps.get(i);
            assertThat(actual.step()).isEqualTo(expected.step());
            assertThat(actual.task()).isEqualTo(expected.task());
            assertThat(actual.loss()).as("loss at step %d", i).isCloseTo(expected.loss(), within(1e-6));
            if (Double.isNaN(expected.maskedLmLoss())) {
                assertThat(actual.maskedLmLoss()).isNaN();
            }
            else {
                assertThat(actual.maskedLmLoss()).as("masked-LM loss at step %d", i).isCloseTo(expected.maskedLmLoss(), within(1e-6));
            }
        }
        assertThat(inRounds.evaluations).extracting(TaskEvaluation::step).containsExactlyElementsOf(
                single.evaluations.stream().map(TaskEvaluation::step).toList());
        assertThat(TestPretrainingSession.latest(setup).manifest().step()).isEqualTo(24);
    }

    @Test
    void aRoundThatDivergesStopsTheRunWithACheckpointOfTheStateBeforeTheRound()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        SessionSetup setup = TestPretrainingSession.withTasks(TestPretrainingSession.setup(corpus, temporary.resolve("run"), 7), List.of(
                new TaskSetup(new TestingTasks.MaskedWords(), new MapTaskSettings("tasks[0].settings", Map.of())),
                new TaskSetup(new TestingTasks.Diverging(), new MapTaskSettings("tasks[1].settings", Map.of()))));
        List<List<Long>> rounds = new ArrayList<>();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup).withSteps(SequentialRounds.steps(ROUND, rounds)))) {
            long firstBadStep = session.schedule().stages().get(1).firstStep();
            assertThatThrownBy(() -> session.run(RunOptions.of(List.of())))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("(task testing-diverging)")
                    .satisfies(e -> assertThat(((TrainingDivergedException) e).step()).isGreaterThanOrEqualTo(firstBadStep));
        }
        List<Long> failedRound = rounds.get(rounds.size() - 1);
        LoadedCheckpoint last = TestPretrainingSession.latest(setup);
        assertThat(last.manifest().step()).as("the checkpoint holds the state before the failed round").isEqualTo(failedRound.get(0));
        last.parameters().forEach((name, value) -> assertThat(value.isInfinite().any() || value.isNaN().any())
                .as("parameter %s of the last checkpoint is finite", name).isFalse());
    }

    private static List<Long> steps(long from, long to)
    {
        List<Long> steps = new ArrayList<>();
        for (long step = from; step < to; step++) {
            steps.add(step);
        }
        return steps;
    }

    private static Trained train(SessionSetup setup, StepComputer.Factory computers)
    {
        Trained trained = new Trained();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup).withSteps(computers))) {
            session.run(RunOptions.of(List.of(trained)));
        }
        return trained;
    }

    /** What a run reported. */
    private static final class Trained
            implements TrainingListener
    {
        private final List<StepRecord> steps = new ArrayList<>();
        private final List<TaskEvaluation> evaluations = new ArrayList<>();

        @Override
        public void onStep(StepRecord record)
        {
            steps.add(record);
        }

        @Override
        public void onEvaluation(List<TaskEvaluation> results)
        {
            evaluations.addAll(results);
        }
    }
}
