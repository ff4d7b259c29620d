package org.ernie4j.runner.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.SgemmPeaks;
import org.ernie4j.core.engine.execution.StepBreakdown;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.training.benchmark.BenchmarkResult;
import org.ernie4j.core.training.benchmark.DataWait;
import org.ernie4j.core.training.benchmark.LabelThroughput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown of each part of a benchmark report, for given figures: docs/BENCHMARKS.md collects these texts, so they
 * change only on purpose. The expected texts are what the command wrote before its reports became classes of their own.
 */
class TestBenchmarkReports
{
    private static final EncoderConfig REFERENCE = new EncoderConfig(8000, 256, 4, 4, 1024, 128, 2, 8, 0.1, 1e-12, Activation.GELU_TANH, 0.02);
    private static final List<Long> TRACE = List.of(1_000_000_000L, 1_010_000_000L, 1_005_000_000L, 1_020_000_000L, 1_030_000_000L);

    @TempDir
    Path temporary;

    @Test
    void theFusedEnginesStepReportEndsWithWhereTheStepsTimeGoes()
    {
        StepBreakdown profile = new StepBreakdown(20, List.of(new StepBreakdown.Part("query/key/value products, forward", 0.0123, 0.75),
                new StepBreakdown.Part("softmax cross-entropy and its gradient", 0.0045, 0),
                new StepBreakdown.Part("feed-forward products, backward", 0.0871, 2.5)), 42.25);
        BenchmarkResult result = new BenchmarkResult(REFERENCE, 32, 128, EngineKind.FUSED, List.of(0.512, 0.498, 0.530, 0.505), 0.5085, 8056.04,
                1_234_567_890L, Optional.of(profile), 0.0421, TRACE);
        Provenance provenance = new Provenance("2026-01-02T03:04:05Z", "ernie benchmark --engine auto --steps 20 --warmup 3",
                "Testing CPU, 2 cores, 24 GiB RAM, Linux amd64", "development", "1.0.0-M2.1", "17.0.15", List.of());

        assertThat(new StepReport(result, 123.456, Optional.of(new SgemmPeaks(4, 45.6, 160.25, "OpenBLAS")), provenance).markdown()).isEqualTo("""

                ### Reference step benchmark, 2026-01-02T03:04:05Z

                - command: `ernie benchmark --engine auto --steps 20 --warmup 3`
                - machine: Testing CPU, 2 cores, 24 GiB RAM, Linux amd64
                - software: ernie4j development, ND4J 1.0.0-M2.1, Java 17.0.15, fused engine
                - environment set by ernie4j: nothing
                - model: vocab 8000, hidden 256, 4 layers, 4 heads, FFN 1024, sequence 128, batch 32, masked LM (15%), AdamW, float32

                | measure | value |
                | --- | --- |
                | median step | 0.509 s |
                | fastest / slowest step | 0.498 s / 0.530 s |
                | tokens/s (at the median) | 8056 |
                | peak RSS | 1.15 GiB |
                | sgemm 1024 (same process, ND4J) | 123.5 GFLOP/s |
                | optimizer (norm, clipping, AdamW) in a step | 0.042 s |
                | OpenBLAS sgemm 1024 as the engine calls it, 1 thread / 4 threads at once (best of 9) | 45.6 / 160.3 GFLOP/s |
                | matrix products per step | 42.3 GFLOP |
                | achieved over the whole step | 83.1 GFLOP/s (52% of the 160.3 GFLOP/s sgemm peak) |

                Where a step's time goes (one worker's view; the 4 workers run the same parts at once on equal shares of the batch; mean of 20 steps):

                | part | ms per step | share | GFLOP/s (one worker) |
                | --- | --- | --- | --- |
                | query/key/value products, forward | 12.3 | 8.4% | 61.0 |
                | softmax cross-entropy and its gradient | 4.5 | 3.1% |  |
                | feed-forward products, backward | 87.1 | 59.7% | 28.7 |
                | optimizer: gradient norm + fused AdamW (all workers) | 42.1 | 28.8% | |
                """);
    }

    @Test
    void theSameDiffEnginesStepReportHasNoPeaksNorBreakdown()
    {
        BenchmarkResult result = new BenchmarkResult(REFERENCE, 32, 16, EngineKind.SAMEDIFF, List.of(1.25), 1.25, 409.6, -1, Optional.empty(), 0.1,
                List.of());
        Provenance provenance = new Provenance("2026-01-02T03:04:05Z", "ernie benchmark --engine samediff --threads 4 --steps 7 --warmup 1 --no-labels",
                "Testing CPU, 2 cores, 24 GiB RAM, Linux amd64", "development", "1.0.0-M2.1", "17.0.15", List.of("OMP_NUM_THREADS=1", "MKL=off"));

        String markdown = new StepReport(result, 123.456, Optional.empty(), provenance).markdown();
        assertThat(markdown)
                .contains("- software: ernie4j development, ND4J 1.0.0-M2.1, Java 17.0.15, SameDiff engine\n"
                        + "- environment set by ernie4j: OMP_NUM_THREADS=1; MKL=off\n")
                .contains("| peak RSS | unknown |\n")
                .endsWith("| optimizer (norm, clipping, AdamW) in a step | 0.100 s |\n")
                .doesNotContain("OpenBLAS", "Where a step's time goes");
    }

    @Test
    void residentMemoryComparesTheSecondHalfOfTheSamplesWithTheFirst()
    {
        assertThat(new ResidentMemoryReport(TRACE, 2, 7).markdown()).isEqualTo("""

                Resident memory every 2 timed steps (5 samples over 7 steps):

                | measure | value |
                | --- | --- |
                | first / last sample | 0.931 / 0.959 GiB |
                | lowest / highest sample | 0.931 / 0.959 GiB |
                | mean of the second half minus mean of the first half | +12.7 MiB (+1.33%) |

                Samples (MiB): 954, 963, 958, 973, 982
                """);
    }

    @Test
    void theWaitForDataIsReportedPerWayOfBuildingBatches()
    {
        List<DataWait.Result> results = List.of(new DataWait.Result(0, List.of(0.5, 0.6, 0.55), List.of(0.01, 0.02, 0.005)),
                new DataWait.Result(2, List.of(0.45, 0.46), List.of(0.0001, 0.0)));

        assertThat(new DataWaitReport(results, 30, List.of("capitalization", "sentence-distance")).markdown()).isEqualTo("""

                The trainer's wait for data (`--data-steps 30`): the tasks capitalization, sentence-distance on the multi-task schedule, \
                reference model, demo corpus, after 3 warm-up steps:

                | batches built | median step | median wait | longest wait | share of step time waiting |
                | --- | --- | --- | --- | --- |
                | when needed | 0.550 s | 10.0 ms | 20.0 ms | 2.12% |
                | 2 ahead, on background threads | 0.455 s | 0.1 ms | 0.1 ms | 0.01% |
                """);
    }

    @Test
    void labelRatesAreComparedWithTheTrainersTokensPerSecond()
    {
        List<LabelThroughput.Rate> rates = List.of(new LabelThroughput.Rate("masked-lm", 10, 1234, 98765, 0.5),
                new LabelThroughput.Rate("ir-relevance", 3, 7, 800, 1.5));

        assertThat(new LabelRateReport(rates, 8056.04).markdown()).isEqualTo("""

                Label generation from prepared shards (demo corpus, one thread, sequence 128), against the trainer's 8056 tokens/s above:

                | task | examples/s | tokens/s | times the trainer's tokens/s |
                | --- | --- | --- | --- |
                | masked-lm | 2468 | 197530 | 25x |
                | ir-relevance | 5 | 533 | 0x |
                """);
    }

    @Test
    void aNewBenchmarksFileGetsItsTitleAndReportsAreAppendedNewestLast()
            throws Exception
    {
        Path file = temporary.resolve("docs/BENCHMARKS.md");
        new BenchmarksFile(file).append("\nfirst\n");
        new BenchmarksFile(file).append("\nsecond\n");

        assertThat(Files.readString(file)).isEqualTo("# Benchmarks\n\nFigures measured with the commands shown; newest last.\n\nfirst\n\nsecond\n");
    }

    @Test
    void provenanceOfFiguresMeasuredNowNamesThisJava()
    {
        Provenance now = Provenance.now("ernie benchmark", "a machine", List.of());
        assertThat(now.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(now.measuredAt()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }
}
