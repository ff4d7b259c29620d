package org.ernie4j.core.training.evaluate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestAccuracyInterval
{
    @Test
    void wilsonMatchesTheFormulaWorkedByHand()
    {
        // p = 0.8, n = 10, z = 1.96: centre (0.8 + 0.19208) / 1.38415 = 0.71679, half-width 0.22658.
        AccuracyInterval eightOfTen = AccuracyInterval.wilson(8, 10);
        assertThat(eightOfTen.low()).isCloseTo(0.490162, within(1e-6));
        assertThat(eightOfTen.high()).isCloseTo(0.943318, within(1e-6));
        // Never outside [0, 1], and not empty at the edges.
        assertThat(AccuracyInterval.wilson(0, 10).low()).isZero();
        assertThat(AccuracyInterval.wilson(0, 10).high()).isCloseTo(0.277533, within(1e-6));
        assertThat(AccuracyInterval.wilson(10, 10).low()).isCloseTo(0.722467, within(1e-6));
        // A balanced binary task on 1,000 items: about +-0.03, as the default evaluation size promises.
        assertThat(AccuracyInterval.wilson(500, 1000).halfWidth()).isCloseTo(0.0309, within(1e-4));
        assertThat(AccuracyInterval.wilson(0, 0).isKnown()).isFalse();
    }

    @Test
    void theDocumentBootstrapResamplesWholeDocuments()
    {
        // Two documents, one all right and one all wrong, ten items each: a resample of two documents has accuracy 1 (both
        // the first, p = 1/4), 0.5 (one of each, p = 1/2) or 0 (p = 1/4), so its 2.5th and 97.5th percentiles are 0 and 1.
        AccuracyInterval split = AccuracyInterval.documentBootstrap(new long[] {10, 0}, new long[] {10, 10}, 1, 2000);
        assertThat(split.low()).isZero();
        assertThat(split.high()).isEqualTo(1.0);
        // Documents that agree leave nothing to resample: the interval is the point.
        AccuracyInterval same = AccuracyInterval.documentBootstrap(new long[] {5, 5, 5}, new long[] {10, 10, 10}, 1, 500);
        assertThat(same.low()).isEqualTo(0.5);
        assertThat(same.high()).isEqualTo(0.5);
        assertThatThrownBy(() -> AccuracyInterval.documentBootstrap(new long[] {1}, new long[] {1, 2}, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportedIntervalIsTheWiderOfBoth()
    {
        // Agreeing documents: the bootstrap is a point, so Wilson's interval over all 30 items is what is reported.
        AccuracyInterval agreeing = AccuracyInterval.of(new long[] {5, 5, 5}, new long[] {10, 10, 10}, 3);
        assertThat(agreeing).isEqualTo(AccuracyInterval.wilson(15, 30));
        // Disagreeing documents: the items are not independent, and the bootstrap's [0, 1] wins.
        AccuracyInterval disagreeing = AccuracyInterval.of(new long[] {10, 0}, new long[] {10, 10}, 3);
        assertThat(disagreeing.low()).isZero();
        assertThat(disagreeing.high()).isEqualTo(1.0);
        // One document: no bootstrap, Wilson alone.
        assertThat(AccuracyInterval.of(new long[] {8}, new long[] {10}, 3)).isEqualTo(AccuracyInterval.wilson(8, 10));
        assertThat(AccuracyInterval.UNKNOWN.union(agreeing)).isEqualTo(agreeing);
    }
}
