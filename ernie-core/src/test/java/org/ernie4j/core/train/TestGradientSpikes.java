package org.ernie4j.core.train;

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
}
