package org.ernie4j.core.engine.execution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sgemm yardstick of the fused engine, measured on its workers.
 */
class TestSgemmPeaks
{
    @Test
    void oneWorkerAloneAndEveryWorkerAtOnceAreMeasured()
    {
        assumeTrue(Execution.autoReason().isEmpty(), "the fused engine cannot run here: " + Execution.autoReason());
        SgemmPeaks peaks = SgemmPeaks.measure(2, 64, 2);

        assertThat(peaks.workers()).isEqualTo(2);
        assertThat(peaks.oneWorker()).isPositive().isFinite();
        assertThat(peaks.allWorkers()).isPositive().isFinite();
    }
}
