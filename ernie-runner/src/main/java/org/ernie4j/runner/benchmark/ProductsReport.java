package org.ernie4j.runner.benchmark;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ernie4j.core.engine.execution.ProductTimings;

import static java.util.Objects.requireNonNull;

/**
 * Products of the forward-only fused engine on weights packed once against OpenBLAS, one thread: a row per shape, a
 * column per kernel, GFLOP/s as median (slowest-fastest) of the rounds.
 *
 * @param provenance where and how the figures were measured
 * @param timings every kernel's timing of every shape, in the order measured
 */
public record ProductsReport(Provenance provenance, List<ProductTimings.Timing> timings)
{
    public ProductsReport
    {
        requireNonNull(provenance, "provenance is null");
        timings = List.copyOf(requireNonNull(timings, "timings is null"));
        if (timings.isEmpty()) {
            throw new IllegalArgumentException("a products report needs at least one timing");
        }
    }

    public String markdown()
    {
        Set<String> kernels = new LinkedHashSet<>();
        Map<ProductTimings.Shape, Map<String, ProductTimings.Timing>> byShape = new LinkedHashMap<>();
        for (ProductTimings.Timing timing : timings) {
            kernels.add(timing.kernel());
            byShape.computeIfAbsent(timing.shape(), shape -> new LinkedHashMap<>()).put(timing.kernel(), timing);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n### Products on packed weights against OpenBLAS, %s%n%n",
                provenance.measuredAt()));
        text.append("- command: `").append(provenance.command()).append("`\n");
        text.append("- machine: ").append(provenance.machine()).append('\n');
        text.append("- software: ernie4j ").append(provenance.ernie4jVersion()).append(", ND4J ").append(provenance.nd4jVersion())
                .append(", Java ").append(provenance.javaVersion()).append('\n');
        if (!provenance.environment().isEmpty()) {
            text.append("- environment set by ernie4j: ").append(String.join("; ", provenance.environment())).append('\n');
        }
        text.append("- one thread (the calling one; OpenBLAS single-threaded); the packed kernels' figures include copying the rows into their "
                + "layout, as the engine does per product; each result checked against OpenBLAS's before timing\n\n");
        text.append("GFLOP/s, median of the rounds (slowest-fastest):\n\n");
        text.append("| rows x inner x columns |");
        kernels.forEach(kernel -> text.append(' ').append(kernel).append(" |"));
        text.append("\n| --- |");
        kernels.forEach(kernel -> text.append(" --- |"));
        text.append('\n');
        byShape.forEach((shape, row) -> {
            text.append(String.format(Locale.ROOT, "| %d x %d x %d |", shape.rows(), shape.inner(), shape.columns()));
            for (String kernel : kernels) {
                ProductTimings.Timing timing = row.get(kernel);
                text.append(timing == null ? " - |"
                        : String.format(Locale.ROOT, " %.1f (%.1f-%.1f) |", timing.median(), timing.slowest(), timing.fastest()));
            }
            text.append('\n');
        });
        return text.toString();
    }
}
