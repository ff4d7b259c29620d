package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;

/**
 * The benchmark's report on a small model (the figures are measured, not checked: a unit test is no place for timings):
 * a scaled configuration, the resident-memory trace and the appended Markdown, and Spark's overhead per batch size and
 * averaging interval.
 */
class TestBenchmarkCommand
{
    @TempDir
    Path temporary;

    @Test
    void scaledModelWithResidentMemoryTraceIsReportedAndAppended()
            throws Exception
    {
        Path file = temporary.resolve("BENCHMARKS.md");
        TestingErnie.Result result = ernie("benchmark", "--hidden", "64", "--sequence", "16", "--steps", "4", "--warmup", "1",
                "--rss-every", "2", "--no-labels", "--data-steps", "0", "--write", file.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("- model: vocab 8000, hidden 64, 4 layers, 1 heads, FFN 256, sequence 16, batch 32")
                .contains("--hidden 64 --sequence 16 --rss-every 2")
                .contains("Resident memory every 2 timed steps (2 samples over 4 steps)")
                .containsPattern("\\| first / last sample \\| \\d+\\.\\d{3} / \\d+\\.\\d{3} GiB \\|");
        String written = Files.readString(file);
        assertThat(written).startsWith("# Benchmarks").contains("Resident memory every 2 timed steps");
    }

    @Test
    void sparkOverheadIsReportedPerBatchSizeAndAveragingInterval()
            throws Exception
    {
        TestingErnie.Result result = ernie("benchmark", "--spark", "local[2]", "--hidden", "64", "--sequence", "16", "--steps", "4", "--warmup", "1",
                "--batch-sizes", "4,8", "--spark-average-every", "1,3", "--no-labels", "--data-steps", "0");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("| batch | K | single machine, median step | Spark, median step | overhead | overhead / step |")
                .containsPattern("\\| 4 \\| 1 \\| \\d+\\.\\d{3} s \\| \\d+\\.\\d{3} s \\|")
                .containsPattern("\\| 8 \\| 3 \\| \\d+\\.\\d{3} s \\| \\d+\\.\\d{3} s \\|")
                .contains("--spark-average-every 1,3")
                .contains(" batch 8, K 3 |");
    }

    @Test
    void theMiniLmShapeIsTheSecondReference()
    {
        TestingErnie.Result result = ernie("benchmark", "--shape", "minilm", "--sequence", "8", "--steps", "1", "--warmup", "1", "--no-labels",
                "--data-steps", "0");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("- model: vocab 30522, hidden 384, 6 layers, 12 heads, FFN 1536, sequence 8, batch 32")
                .contains("--shape minilm --sequence 8");
    }

    @Test
    void theMiniLmShapeKeepsItsWidthAndPositionTable()
    {
        TestingErnie.Result wider = ernie("benchmark", "--shape", "minilm", "--hidden", "512", "--no-labels", "--data-steps", "0");
        TestingErnie.Result longer = ernie("benchmark", "--shape", "minilm", "--sequence", "600", "--no-labels", "--data-steps", "0");

        assertThat(wider.code()).isEqualTo(2);
        assertThat(wider.err()).contains("--hidden scales the reference shape; --shape minilm has all-MiniLM-L6-v2's width (384)");
        assertThat(longer.code()).isEqualTo(2);
        assertThat(longer.err()).contains("the sequence must be 8 to 512 positions (MiniLM's position table): 600");
    }

    @Test
    void aWidthThatIsNoMultipleOfTheHeadSizeIsAUsageError()
    {
        TestingErnie.Result result = ernie("benchmark", "--hidden", "100", "--no-labels", "--data-steps", "0");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--hidden/--sequence").contains("multiple of 64");
    }
}
