package org.ernie4j.runner.benchmark;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The resident memory over the timed steps: flat means no growth beyond what a garbage collection takes back.
 *
 * @param trace the samples, in order (at least one)
 * @param every the timed steps between samples
 * @param steps the timed steps
 */
public record ResidentMemoryReport(List<Long> trace, int every, int steps)
{
    private static final double MIB = 1024.0 * 1024;
    private static final double GIB = 1024.0 * 1024 * 1024;

    public ResidentMemoryReport
    {
        trace = List.copyOf(requireNonNull(trace, "trace is null"));
        if (trace.isEmpty()) {
            throw new IllegalArgumentException("a resident memory report needs at least one sample");
        }
    }

    public String markdown()
    {
        StringBuilder text = new StringBuilder();
        long first = trace.get(0);
        long last = trace.get(trace.size() - 1);
        long lowest = trace.stream().mapToLong(Long::longValue).min().orElseThrow();
        long highest = trace.stream().mapToLong(Long::longValue).max().orElseThrow();
        // The second half against the first: a leak grows steadily, garbage-collection noise goes up and down.
        int half = trace.size() / 2;
        double firstHalf = trace.subList(0, Math.max(1, half)).stream().mapToLong(Long::longValue).average().orElseThrow();
        double secondHalf = trace.subList(half, trace.size()).stream().mapToLong(Long::longValue).average().orElseThrow();
        text.append(String.format(Locale.ROOT, "%nResident memory every %d timed steps (%d samples over %d steps):%n%n| measure | value |%n"
                + "| --- | --- |%n", every, trace.size(), steps));
        text.append(String.format(Locale.ROOT, "| first / last sample | %.3f / %.3f GiB |%n", first / GIB, last / GIB));
        text.append(String.format(Locale.ROOT, "| lowest / highest sample | %.3f / %.3f GiB |%n", lowest / GIB, highest / GIB));
        text.append(String.format(Locale.ROOT, "| mean of the second half minus mean of the first half | %+.1f MiB (%+.2f%%) |%n",
                (secondHalf - firstHalf) / MIB, 100 * (secondHalf - firstHalf) / firstHalf));
        StringBuilder samples = new StringBuilder();
        for (long sample : trace) {
            samples.append(samples.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", sample / MIB));
        }
        text.append("\nSamples (MiB): ").append(samples).append('\n');
        return text.toString();
    }
}
