package org.ernie4j.core.training.schedule;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestSampledSchedule
{
    @Test
    void drawsFollowTheWeights()
    {
        SampledSchedule schedule = SampledSchedule.of(new double[] {1, 3, 0, 4}, 40_000, 9);
        long[] counts = schedule.stages().get(0).iterations().stream().mapToLong(Long::longValue).toArray();
        assertThat(counts[2]).isZero();
        // Within 4 standard deviations of the binomial counts.
        assertThat(counts[0] / 40_000.0).isCloseTo(0.125, within(4 * Math.sqrt(0.125 * 0.875 / 40_000)));
        assertThat(counts[1] / 40_000.0).isCloseTo(0.375, within(4 * Math.sqrt(0.375 * 0.625 / 40_000)));
        assertThat(counts[3] / 40_000.0).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / 40_000)));
        assertThat(schedule.probabilities()).containsExactly(new double[] {0.125, 0.375, 0, 0.5}, within(1e-12));
    }

    @Test
    void temperatureFlattensDataSizes()
    {
        double[] proportional = SampledSchedule.tempered(new long[] {100, 10_000}, 1);
        double[] tempered = SampledSchedule.tempered(new long[] {100, 10_000}, 2);
        assertThat(proportional[1] / proportional[0]).isCloseTo(100, within(1e-9));
        assertThat(tempered[1] / tempered[0]).isCloseTo(10, within(1e-9));
    }

    @Test
    void specBuildsEveryKindWithTheSameBudget()
    {
        List<String> tasks = List.of("a", "b", "c");
        for (ScheduleKind kind : ScheduleKind.values()) {
            ScheduleSpec spec = new ScheduleSpec(kind, 2, Map.of("a", 1.0, "c", 2.0), null);
            TaskSchedule schedule = spec.create(tasks, 40, 3, () -> new long[] {10, 20, 30});
            assertThat(schedule.length()).as(kind.configName()).isEqualTo(120);
        }
        TaskSchedule weighted = new ScheduleSpec(ScheduleKind.WEIGHTS, 2, Map.of("a", 1.0, "c", 2.0), null)
                .create(tasks, 40, 3, () -> {
                    throw new AssertionError("the weights sampler does not need data sizes");
                });
        for (long step = 0; step < weighted.length(); step++) {
            assertThat(weighted.taskAt(step)).isNotEqualTo(1);
        }
    }

    @Test
    void sameSeedSameDraws()
    {
        SampledSchedule first = SampledSchedule.of(new double[] {1, 1}, 500, 5);
        SampledSchedule again = SampledSchedule.of(new double[] {1, 1}, 500, 5);
        for (long step = 0; step < 500; step++) {
            assertThat(again.taskAt(step)).isEqualTo(first.taskAt(step));
        }
    }

    @Test
    void refusesImpossibleWeights()
    {
        assertThatThrownBy(() -> SampledSchedule.of(new double[] {0, 0}, 10, 1)).hasMessageContaining("must not all be zero");
        assertThatThrownBy(() -> SampledSchedule.of(new double[] {1, -1}, 10, 1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> ScheduleKind.fromConfigName("round-robin")).hasMessageContaining("continual, sequential, multi-task");
    }
}
