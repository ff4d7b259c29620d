package org.ernie4j.runner.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.SgemmPeaks;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.training.benchmark.BenchmarkResult;

import static java.util.Objects.requireNonNull;

/**
 * The reference step benchmark's section of the report: how it was measured, the model, and the step's times, speed
 * and memory against what {@code sgemm} delivers on the machine; for the fused engine, where a step's time goes.
 *
 * @param sgemm GFLOP/s of a 1024 {@code sgemm} through ND4J in the same process
 * @param peaks {@code sgemm} as the fused engine calls it, where the fused engine ran
 */
public record StepReport(BenchmarkResult result, double sgemm, Optional<SgemmPeaks> peaks, Provenance provenance)
{
    public StepReport
    {
        requireNonNull(result, "result is null");
        requireNonNull(peaks, "peaks is null");
        requireNonNull(provenance, "provenance is null");
    }

    public String markdown()
    {
        EncoderConfig config = result.config();
        List<Double> sorted = new ArrayList<>(result.stepSeconds());
        Collections.sort(sorted);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%n### Reference step benchmark, %s%n%n", provenance.measuredAt()));
        text.append("- command: `").append(provenance.command()).append("`\n");
        text.append("- machine: ").append(provenance.machine()).append('\n');
        text.append("- software: ernie4j ").append(provenance.ernie4jVersion()).append(", ND4J ").append(provenance.nd4jVersion()).append(", Java ")
                .append(provenance.javaVersion()).append(", ")
                .append(result.engine() == EngineKind.FUSED ? "fused engine" : "SameDiff engine").append('\n');
        text.append("- environment set by ernie4j: ").append(provenance.environment().isEmpty() ? "nothing" : String.join("; ", provenance.environment()))
                .append('\n');
        text.append(String.format(Locale.ROOT, "- model: vocab %d, hidden %d, %d layers, %d heads, FFN %d, sequence %d, batch %d, masked LM (15%%), AdamW, float32%n",
                config.vocabularySize(), config.hidden(), config.layers(), config.heads(), config.intermediate(), result.sequenceLength(),
                result.batchSize()));
        text.append(String.format(Locale.ROOT, "%n| measure | value |%n| --- | --- |%n"));
        text.append(String.format(Locale.ROOT, "| median step | %.3f s |%n", result.medianSeconds()));
        text.append(String.format(Locale.ROOT, "| fastest / slowest step | %.3f s / %.3f s |%n", sorted.get(0), sorted.get(sorted.size() - 1)));
        text.append(String.format(Locale.ROOT, "| tokens/s (at the median) | %.0f |%n", result.tokensPerSecond()));
        text.append(String.format(Locale.ROOT, "| peak RSS | %s |%n", result.peakResidentBytes() < 0 ? "unknown"
                : String.format(Locale.ROOT, "%.2f GiB", result.peakResidentBytes() / (1024.0 * 1024 * 1024))));
        text.append(String.format(Locale.ROOT, "| sgemm 1024 (same process, ND4J) | %.1f GFLOP/s |%n", sgemm));
        text.append(String.format(Locale.ROOT, "| optimizer (norm, clipping, AdamW) in a step | %.3f s |%n", result.optimizerSeconds()));
        peaks.ifPresent(peak -> text.append(String.format(Locale.ROOT,
                "| %s sgemm 1024 as the engine calls it, 1 thread / %d threads at once (best of 9) | %.1f / %.1f GFLOP/s |%n", peak.blas(),
                peak.workers(), peak.oneWorker(), peak.allWorkers())));
        // Only the fused engine times its parts, and the fused engine is where the peaks are measured.
        result.profile().ifPresent(profile -> text.append(new StepBreakdownReport(profile, result.medianSeconds(), result.optimizerSeconds(),
                peaks.orElseThrow()).markdown()));
        return text.toString();
    }
}
