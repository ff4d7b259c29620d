package org.ernie4j.core.training;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestGradientSpikes
{
    @Test
    void aNormTenTimesTheRecentMedianIsASpikeForItsTaskOnly()
    {
        GradientSpikes spikes = new GradientSpikes();
        for (long step = 0; step < 30; step++) {
            assertThat(spikes.observe(step, "a", 1.0 + (step % 3) * 0.1)).isFalse();
        }
        assertThat(spikes.observe(30, "b", 50)).as("task b has no history yet").isFalse();
        assertThat(spikes.observe(31, "a", 9)).as("nine times the median").isFalse();
        assertThat(spikes.observe(32, "a", 25)).isTrue();
        assertThat(spikes.observe(33, "a", 1.1)).isFalse();
    }

    @Test
    void aBurstOfSpikesIsOneWarningAndItsCountComesWithTheNext()
    {
        List<String> warnings = new ArrayList<>();
        GradientSpikes spikes = new GradientSpikes(warnings::add);
        for (long step = 0; step < 30; step++) {
            spikes.observe(step, "a", 1.0);
            spikes.observe(step, "b", 1.0);
        }
        // As after a task joins: ten steps in a row far above the median.
        for (long step = 30; step < 40; step++) {
            assertThat(spikes.observe(step, "a", 100)).isTrue();
        }
        assertThat(spikes.observe(40, "b", 100)).isTrue();
        assertThat(warnings).containsExactly(
                "gradient norm spike at step 30 (task a): 100.0 is 100.0 times the median 1.000 of its last 30 steps",
                "gradient norm spike at step 40 (task b): 100.0 is 100.0 times the median 1.000 of its last 30 steps");

        for (long step = 41; step < 140; step++) {
            spikes.observe(step, "a", 1.0);
        }
        assertThat(spikes.observe(140, "a", 50)).isTrue();
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(2)).isEqualTo("gradient norm spike at step 140 (task a): 50.00 is 50.0 times the median 1.000 of its last 50 steps"
                + " (and 9 more of this task from step 31 to 39, up to 100.0 times the median, not shown one by one)");
    }
}
