package org.ernie4j.runner.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics of the downstream table against values computed by hand.
 */
class TestSeedStatistics
{
    @Test
    void meanAndSampleStandardDeviation()
    {
        // mean 4.05 / 5 = 0.81; squared deviations 1e-4, 1e-4, 9e-4, 9e-4, 0 sum to 2e-3; / (5 - 1) = 5e-4; sqrt = 0.0223607
        SeedSummary summary = SeedSummary.of(List.of(0.80, 0.82, 0.78, 0.84, 0.81));

        assertThat(summary.seeds()).isEqualTo(5);
        assertThat(summary.mean()).isCloseTo(0.81, within(1e-12));
        assertThat(summary.standardDeviation()).isCloseTo(Math.sqrt(5e-4), within(1e-12));
        assertThat(summary.standardDeviation()).isCloseTo(0.0223607, within(1e-7));
    }

    @Test
    void oneSeedHasNoStandardDeviation()
    {
        assertThat(SeedSummary.of(List.of(0.7)).standardDeviation()).isNaN();
        assertThatThrownBy(() -> SeedSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairedDifferenceWithItsTInterval()
    {
        // differences 0.02, 0.01, 0.01, 0.04, 0.02: mean 0.02; squared deviations 0, 1e-4, 1e-4, 4e-4, 0 sum to 6e-4;
        // sd = sqrt(6e-4 / 4) = 0.0122474; standard error = sd / sqrt(5) = 0.0054772; t(0.975, 4) = 2.776445 (tables);
        // half-width = 0.0152069: [0.0047931, 0.0352069]
        PairedDifference difference = PairedDifference.of(List.of(0.80, 0.82, 0.78, 0.84, 0.81), List.of(0.78, 0.81, 0.77, 0.80, 0.79));

        assertThat(difference.pairs()).isEqualTo(5);
        assertThat(difference.mean()).isCloseTo(0.02, within(1e-12));
        assertThat(difference.low()).isCloseTo(0.0047931, within(1e-6));
        assertThat(difference.high()).isCloseTo(0.0352069, within(1e-6));
        assertThat(difference.excludesZero()).isTrue();
    }

    @Test
    void pairingIsBySeedNotBySortedValue()
    {
        // Differences +0.10 and -0.10: mean 0, sd sqrt(0.02) = 0.141421, se 0.1, t(0.975, 1) = 12.706205: [-1.2706, 1.2706].
        // Unpaired or sorted, the two arms would look identical.
        PairedDifference difference = PairedDifference.of(List.of(0.9, 0.7), List.of(0.8, 0.8));

        assertThat(difference.mean()).isCloseTo(0.0, within(1e-12));
        assertThat(difference.high()).isCloseTo(1.2706205, within(1e-6));
        assertThat(difference.low()).isCloseTo(-1.2706205, within(1e-6));
        assertThat(difference.excludesZero()).isFalse();
    }

    @Test
    void threeSeedsUseTwoDegreesOfFreedom()
    {
        // differences 0.01, 0.03, 0.05: mean 0.03, sd 0.02, se 0.0115470, t(0.975, 2) = 4.302653: half-width 0.0496828
        PairedDifference difference = PairedDifference.of(List.of(0.51, 0.53, 0.55), List.of(0.5, 0.5, 0.5));

        assertThat(difference.low()).isCloseTo(0.03 - 0.0496828, within(1e-6));
        assertThat(difference.high()).isCloseTo(0.03 + 0.0496828, within(1e-6));
    }

    @Test
    void oneSeedHasNoInterval()
    {
        PairedDifference difference = PairedDifference.of(List.of(0.6), List.of(0.5));

        assertThat(difference.mean()).isCloseTo(0.1, within(1e-12));
        assertThat(difference.low()).isNaN();
        assertThat(difference.excludesZero()).isFalse();
    }

    @Test
    void unpairedFiguresAreRefused()
    {
        assertThatThrownBy(() -> PairedDifference.of(List.of(0.6, 0.7), List.of(0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same seeds");
    }
}
