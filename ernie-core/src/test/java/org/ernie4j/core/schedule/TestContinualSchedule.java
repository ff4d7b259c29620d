package org.ernie4j.core.schedule;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestContinualSchedule
{
    @Test
    void paperExampleOfFourTasks()
    {
        ContinualSchedule schedule = ContinualSchedule.of(4, 50_000, 1);
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
        ContinualSchedule schedule = ContinualSchedule.of(tasks, budget, seed);
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
        ContinualSchedule first = ContinualSchedule.of(3, 300, 42);
        ContinualSchedule again = ContinualSchedule.of(3, 300, 42);
        ContinualSchedule other = ContinualSchedule.of(3, 300, 43);
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
        ContinualSchedule schedule = ContinualSchedule.of(2, 300, 5);
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
        assertThatThrownBy(() -> ContinualSchedule.of(3, 3, 1)).hasMessageContaining("at least the number of tasks plus one");
    }
}
