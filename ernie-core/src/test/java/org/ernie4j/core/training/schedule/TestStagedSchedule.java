package org.ernie4j.core.training.schedule;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestStagedSchedule
{
    @Test
    void paperExampleOfFourTasks()
    {
        StagedSchedule schedule = StagedSchedule.continual(4, 50_000, 1);
        assertThat(schedule.stages()).extracting(Stage::iterations).containsExactly(
                List.of(20_000L, 0L, 0L, 0L),
                List.of(10_000L, 30_000L, 0L, 0L),
                List.of(10_000L, 10_000L, 40_000L, 0L),
                List.of(10_000L, 10_000L, 10_000L, 50_000L));
    }

    @ParameterizedTest
    @CsvSource({"1, 10, 3", "2, 12, 5", "3, 100, 9", "7, 1001, 11", "5, 6, 2"})
    void everyTaskGetsExactlyItsBudgetAndStaysOnceIntroduced(int tasks, long budget, long seed)
    {
        StagedSchedule schedule = StagedSchedule.continual(tasks, budget, seed);
        assertThat(schedule.length()).isEqualTo(tasks * budget);
        long[] counts = new long[tasks];
        for (long step = 0; step < schedule.length(); step++) {
            counts[schedule.taskAt(step)]++;
        }
        assertThat(counts).containsOnly(budget);
        for (Stage stage : schedule.stages()) {
            long[] inStage = new long[tasks];
            for (long step = stage.firstStep(); step < stage.endStep(); step++) {
                int task = schedule.taskAt(step);
                assertThat(task).as("no task before its stage").isLessThanOrEqualTo(stage.index());
                inStage[task]++;
            }
            for (int task = 0; task <= stage.index(); task++) {
                assertThat(inStage[task]).as("task %d in stage %d", task, stage.index()).isEqualTo(stage.iterations().get(task)).isPositive();
            }
        }
    }

    @Test
    void sameSeedSameSequenceOtherSeedOtherSequence()
    {
        StagedSchedule first = StagedSchedule.continual(3, 300, 42);
        StagedSchedule again = StagedSchedule.continual(3, 300, 42);
        StagedSchedule other = StagedSchedule.continual(3, 300, 43);
        boolean differs = false;
        for (long step = 0; step < first.length(); step++) {
            assertThat(again.taskAt(step)).isEqualTo(first.taskAt(step));
            differs |= other.taskAt(step) != first.taskAt(step);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void tasksAreInterleavedWithinAStage()
    {
        StagedSchedule schedule = StagedSchedule.continual(2, 300, 5);
        Stage second = schedule.stages().get(1);
        long firstHalfOld = 0;
        long secondHalfOld = 0;
        long middle = second.firstStep() + second.length() / 2;
        for (long step = second.firstStep(); step < second.endStep(); step++) {
            if (schedule.taskAt(step) == 0) {
                if (step < middle) {
                    firstHalfOld++;
                }
                else {
                    secondHalfOld++;
                }
            }
        }
        assertThat(firstHalfOld).isPositive();
        assertThat(secondHalfOld).isPositive();
    }

    @Test
    void tooSmallBudgetIsRefused()
    {
        assertThatThrownBy(() -> StagedSchedule.continual(3, 3, 1)).hasMessageContaining("at least the number of tasks plus one");
    }

    @Test
    void sequentialTrainsOneTaskPerStageAndNeverReturns()
    {
        StagedSchedule schedule = StagedSchedule.sequential(3, 50, 1);
        assertThat(schedule.length()).isEqualTo(150);
        for (long step = 0; step < 150; step++) {
            assertThat(schedule.taskAt(step)).isEqualTo((int) (step / 50));
        }
    }

    @Test
    void simultaneousTrainsEveryTaskFromTheStartWithItsWholeBudget()
    {
        StagedSchedule schedule = StagedSchedule.simultaneous(3, 100, 1);
        assertThat(schedule.stages()).hasSize(1);
        long[] firstHalf = new long[3];
        for (long step = 0; step < 150; step++) {
            firstHalf[schedule.taskAt(step)]++;
        }
        assertThat(Arrays.stream(firstHalf).min().orElseThrow()).isGreaterThan(30);
        assertThat(schedule.stages().get(0).iterations()).containsExactly(100L, 100L, 100L);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "37", "60", "61", "100", "150", "179", "180"})
    void addingATaskKeepsThePastAndTrainsEveryEarlierTaskBesideTheNewOne(long step)
    {
        StagedSchedule before = StagedSchedule.continual(2, 90, 4);
        StagedSchedule after = before.withTaskAdded(step);
        for (long s = 0; s < step; s++) {
            assertThat(after.taskAt(s)).as("step %d", s).isEqualTo(before.taskAt(s));
        }
        long[] counts = new long[3];
        long[] trainedBefore = new long[3];
        for (long s = 0; s < after.length(); s++) {
            counts[after.taskAt(s)]++;
            if (s < step) {
                trainedBefore[after.taskAt(s)]++;
            }
        }
        // Earlier tasks keep their budget, or train u = 90 / 4 = 22 more beside the new task when less was left.
        for (int task = 0; task < 2; task++) {
            assertThat(counts[task]).as("task %d", task).isEqualTo(Math.max(90, trainedBefore[task] + 22));
        }
        assertThat(counts[2]).isEqualTo(90);
        Stage last = after.stages().get(after.stages().size() - 1);
        assertThat(last.firstStep()).isEqualTo(step);
        assertThat(last.iterations().get(2)).isEqualTo(90L);
        assertThat(last.iterations().get(0)).isGreaterThanOrEqualTo(22L);
        assertThat(last.iterations().get(1)).isGreaterThanOrEqualTo(22L);
        for (long s = 0; s < step; s++) {
            assertThat(after.taskAt(s)).isLessThan(2);
        }
    }

    @Test
    void aRetiredTaskGetsNothingWhenAnotherJoins()
    {
        StagedSchedule schedule = StagedSchedule.continual(2, 90, 4).withTaskRetired(100, 0).withTaskAdded(150);
        for (long s = 100; s < schedule.length(); s++) {
            assertThat(schedule.taskAt(s)).as("step %d", s).isNotEqualTo(0);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "10, 0", "100, 1", "130, 2", "239, 1", "240, 0"})
    void retiringATaskKeepsThePastAndDropsOnlyItsRemainingIterations(long step, int retired)
    {
        StagedSchedule before = StagedSchedule.continual(3, 80, 6);
        StagedSchedule after = before.withTaskRetired(step, retired);
        long[] beforeCounts = new long[3];
        for (long s = 0; s < step; s++) {
            assertThat(after.taskAt(s)).isEqualTo(before.taskAt(s));
            beforeCounts[before.taskAt(s)]++;
        }
        long[] counts = new long[3];
        for (long s = 0; s < after.length(); s++) {
            counts[after.taskAt(s)]++;
            if (s >= step) {
                assertThat(after.taskAt(s)).isNotEqualTo(retired);
            }
        }
        for (int task = 0; task < 3; task++) {
            assertThat(counts[task]).as("task %d", task).isEqualTo(task == retired ? beforeCounts[task] : 80);
        }
    }
}
