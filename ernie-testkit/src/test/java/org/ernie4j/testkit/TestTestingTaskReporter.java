package org.ernie4j.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTestingTaskReporter
{
    @Test
    void countsSkipsByReason()
    {
        TestingTaskReporter reporter = new TestingTaskReporter();
        reporter.skipped("empty document");
        reporter.skipped("single sentence");
        reporter.skipped("empty document");
        assertThat(reporter.skipCount("empty document")).isEqualTo(2);
        assertThat(reporter.skipCount("single sentence")).isEqualTo(1);
        assertThat(reporter.skipCount("never")).isZero();
        assertThat(reporter.totalSkips()).isEqualTo(3);
        assertThat(reporter.skips()).containsExactly(
                org.assertj.core.api.Assertions.entry("empty document", 2),
                org.assertj.core.api.Assertions.entry("single sentence", 1));
    }

    @Test
    void keepsEachWarningOnce()
    {
        TestingTaskReporter reporter = new TestingTaskReporter();
        reporter.warnOnce("b");
        reporter.warnOnce("a");
        reporter.warnOnce("b");
        assertThat(reporter.warnings()).containsExactly("b", "a");
        reporter.clear();
        assertThat(reporter.warnings()).isEmpty();
        assertThat(reporter.totalSkips()).isZero();
    }
}
