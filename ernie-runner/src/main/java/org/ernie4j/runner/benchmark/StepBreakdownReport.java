package org.ernie4j.runner.benchmark;

import java.util.Locale;

import org.ernie4j.core.engine.execution.SgemmPeaks;
import org.ernie4j.core.engine.execution.StepBreakdown;

import static java.util.Objects.requireNonNull;

/**
 * Where the fused engine's step time goes: the GFLOP/s the whole step achieves against the {@code sgemm} peak, and each
 * part's share of the step, the optimizer's included.
 *
 * @param medianSeconds the median step time
 * @param optimizerSeconds the optimizer's time within a step
 */
public record StepBreakdownReport(StepBreakdown profile, double medianSeconds, double optimizerSeconds, SgemmPeaks peaks)
{
    public StepBreakdownReport
    {
        requireNonNull(profile, "profile is null");
        requireNonNull(peaks, "peaks is null");
    }

    /** Two rows of the step table, then a table of its own. */
    public String markdown()
    {
        StringBuilder text = new StringBuilder();
        double achieved = profile.gigaflopsPerStep() / medianSeconds;
        text.append(String.format(Locale.ROOT, "| matrix products per step | %.1f GFLOP |%n", profile.gigaflopsPerStep()));
        text.append(String.format(Locale.ROOT, "| achieved over the whole step | %.1f GFLOP/s (%.0f%% of the %.1f GFLOP/s sgemm peak) |%n", achieved,
                100 * achieved / peaks.allWorkers(), peaks.allWorkers()));
        text.append(String.format(Locale.ROOT, "%nWhere a step's time goes (one worker's view; the %d workers run the same parts at once on equal"
                + " shares of the batch; mean of %d steps):%n%n| part | ms per step | share | GFLOP/s (one worker) |%n| --- | --- | --- | --- |%n",
                peaks.workers(), profile.steps()));
        double total = profile.totalSeconds() + optimizerSeconds;
        for (StepBreakdown.Part part : profile.parts()) {
            text.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f%% | %s |%n", part.description(), 1000 * part.seconds(),
                    100 * part.seconds() / total, part.gigaflops() > 0 ? String.format(Locale.ROOT, "%.1f", part.gigaflopsPerSecond()) : ""));
        }
        text.append(String.format(Locale.ROOT, "| optimizer: gradient norm + fused AdamW (all workers) | %.1f | %.1f%% | |%n",
                1000 * optimizerSeconds, 100 * optimizerSeconds / total));
        return text.toString();
    }
}
