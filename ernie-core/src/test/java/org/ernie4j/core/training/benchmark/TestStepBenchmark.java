package org.ernie4j.core.training.benchmark;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.engine.execution.StepBreakdown;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The step benchmark's figures on a small model: where the fused engine's time went comes as plain values, counted from
 * the end of the warm-up; the SameDiff engine does not time its parts.
 */
class TestStepBenchmark
{
    private static final StepBenchmark SMALL = new StepBenchmark(
            new EncoderConfig(200, 64, 1, 1, 256, 16, 2, 2, 0.1, 1e-12, Activation.GELU_TANH, 0.02), 4, 16);

    @Test
    void theFusedEnginesProfileCountsTheTimedStepsOnly()
    {
        assumeTrue(Execution.autoReason().isEmpty(), "the fused engine cannot run here: " + Execution.autoReason());
        BenchmarkResult result = SMALL.run(EngineKind.FUSED, 2, 1, 3);

        assertThat(result.engine()).isEqualTo(EngineKind.FUSED);
        assertThat(result.stepSeconds()).hasSize(3);
        StepBreakdown profile = result.profile().orElseThrow();
        assertThat(profile.steps()).isEqualTo(3);
        assertThat(profile.parts()).isNotEmpty().allSatisfy(part -> {
            assertThat(part.description()).isNotBlank();
            assertThat(part.seconds()).isPositive();
        });
        assertThat(profile.totalSeconds()).isPositive();
        assertThat(profile.gigaflopsPerStep()).isPositive();
    }

    @Test
    void theSameDiffEngineHasNoProfile()
    {
        BenchmarkResult result = SMALL.run(EngineKind.SAMEDIFF, 1, 0, 1);

        assertThat(result.engine()).isEqualTo(EngineKind.SAMEDIFF);
        assertThat(result.profile()).isEmpty();
    }
}
