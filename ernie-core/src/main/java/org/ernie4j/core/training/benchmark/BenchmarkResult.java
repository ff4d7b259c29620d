package org.ernie4j.core.training.benchmark;

import java.util.List;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.StepBreakdown;
import org.ernie4j.core.model.EncoderConfig;

/**
 * Timings of a step benchmark.
 *
 * @param config the encoder measured
 * @param batchSize examples per step
 * @param sequenceLength positions per example
 * @param engine the engine that ran (fused or samediff)
 * @param stepSeconds every timed step, in order
 * @param medianSeconds the median step time
 * @param tokensPerSecond positions trained per second at the median step time
 * @param peakResidentBytes the process's peak resident memory, or -1 where unknown
 * @param profile where the fused engine's time went in the timed steps (empty for the SameDiff engine)
 * @param optimizerSeconds the median time of the optimizer update (norm, clipping and AdamW) within a step
 * @param residentTrace the resident memory sampled every so many timed steps, in order (empty when not asked for)
 */
@PublicApi
public record BenchmarkResult(EncoderConfig config, int batchSize, int sequenceLength, EngineKind engine, List<Double> stepSeconds,
        double medianSeconds, double tokensPerSecond, long peakResidentBytes, Optional<StepBreakdown> profile, double optimizerSeconds,
        List<Long> residentTrace)
{
    public BenchmarkResult
    {
        stepSeconds = List.copyOf(stepSeconds);
        residentTrace = List.copyOf(residentTrace);
    }
}
