package org.ernie4j.runner.report;

import java.util.List;

/**
 * The mean and sample standard deviation (n - 1 in the denominator) of one figure over the seeds of a fine-tuning.
 * With one seed the standard deviation is not defined (NaN).
 */
public record SeedSummary(int seeds, double mean, double standardDeviation)
{
    public static SeedSummary of(List<Double> values)
    {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no value to summarize");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum();
        return new SeedSummary(values.size(), mean, values.size() < 2 ? Double.NaN : Math.sqrt(squares / (values.size() - 1)));
    }
}
