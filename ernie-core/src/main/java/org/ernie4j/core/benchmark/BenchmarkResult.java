package org.ernie4j.core.benchmark;

import java.util.List;

import org.ernie4j.core.model.EncoderConfig;

/**
 * Timings of a step benchmark.
 *
 * @param config the encoder measured
 * @param batchSize examples per step
 * @param sequenceLength positions per example
 * @param stepSeconds every timed step, in order
 * @param medianSeconds the median step time
 * @param tokensPerSecond positions trained per second at the median step time
 * @param peakResidentBytes the process's peak resident memory, or -1 where unknown
 */
public record BenchmarkResult(EncoderConfig config, int batchSize, int sequenceLength, List<Double> stepSeconds, double medianSeconds,
        double tokensPerSecond, long peakResidentBytes)
{
}
