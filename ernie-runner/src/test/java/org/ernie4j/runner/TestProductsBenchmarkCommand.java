package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ernie4j.core.engine.execution.ProductTimings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code ernie benchmark products}: a row per MiniLM product shape and requested row count, a column per kernel, written where asked. */
class TestProductsBenchmarkCommand
{
    @TempDir
    Path temporary;

    @Test
    void timesEveryShapeOnEveryKernelAndAppendsTheReport()
            throws Exception
    {
        assumeTrue(ProductTimings.packedProductsPossible(), "this machine's vectors are narrower than 8 floats: no packed products");
        Path benchmarks = temporary.resolve("BENCHMARKS.md");

        TestingErnie.Result result = ernie("benchmark", "products", "--rows", "9", "--rounds", "1", "--seconds", "0.01", "--warmup", "0", "--cold",
                "--write", benchmarks.toString());

        assertThat(result.code()).as(result.err() + result.out()).isZero();
        String report = Files.readString(benchmarks);
        assertThat(report).contains("### Products on packed weights against OpenBLAS")
                .contains("- command: `ernie benchmark products --rows 9 --rounds 1 --seconds 0.01 --warmup 0.0 --cold --write ")
                .contains("| rows x inner x columns | " + ProductTimings.packedKernel() + " | OpenBLAS sgemm | " + ProductTimings.COLD + " |");
        for (String shape : new String[] {"9 x 384 x 1152", "9 x 384 x 384", "9 x 384 x 1536", "9 x 1536 x 384"}) {
            assertThat(report).containsPattern("\\| " + shape + "( \\| \\d+\\.\\d \\(\\d+\\.\\d-\\d+\\.\\d\\)){3} \\|");
        }
    }

    @Test
    void refusesARowCountBelowOne()
    {
        TestingErnie.Result result = ernie("benchmark", "products", "--rows", "0");

        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("--rows: every count must be at least 1");
    }
}
