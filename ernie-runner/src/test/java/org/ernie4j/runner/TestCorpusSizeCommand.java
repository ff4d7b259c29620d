package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * {@code ernie benchmark corpus-size} on a real prepared corpus: copies are written and reused, each size trains in a JVM
 * of its own, and the report names every size with figures that come from that process.
 */
class TestCorpusSizeCommand
{
    @TempDir
    Path temporary;

    @Test
    void trainsEachSizeInItsOwnProcessAndReportsItsMemory()
            throws Exception
    {
        // The command-line tests' two addresses, prepared: every task finds examples in them, and a child JVM trains on
        // them in seconds (the default source, the demo corpus, is prepared by the demo's own test).
        Path prepared = temporary.resolve("source");
        TestingErnie.Result preparation = ernie("prepare", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--prepared",
                prepared.toString(), "--run-dir", temporary.resolve("preparation").toString());
        assertThat(preparation.code()).as(preparation.err()).isZero();
        Path scratch = temporary.resolve("scratch");
        Path benchmarks = temporary.resolve("BENCHMARKS.md");

        TestingErnie.Result result = ernie("benchmark", "corpus-size", "--source", prepared.toString(), "--sizes", "1,3", "--steps", "4",
                "--rss-every", "2", "--scratch", scratch.toString(), "--write", benchmarks.toString());

        assertThat(result.code()).as(result.err() + result.out()).isZero();
        assertThat(PreparedCorpus.open(scratch.resolve("x3")).stats().documents()).isEqualTo(3 * PreparedCorpus.open(prepared).stats().documents());
        // Each size trained its four steps in a run directory of its own.
        assertThat(Files.readAllLines(scratch.resolve("run-x1/metrics.jsonl"))).hasSize(4);
        assertThat(Files.readAllLines(scratch.resolve("run-x3/metrics.jsonl"))).hasSize(4);
        String report = Files.readString(benchmarks);
        // A new file gets the benchmarks file's header before the section that was printed.
        assertThat(result.out()).contains(report.substring(report.indexOf("### Training memory")).strip());
        assertThat(report).contains("### Training memory against corpus size")
                .contains("- command: `ernie benchmark corpus-size --source " + prepared + " --sizes 1,3 --steps 4 --rss-every 2 --write ")
                .containsPattern("\\| 1 \\| [\\d,]+ \\| [\\d,]+ \\| \\d+\\.\\d MiB \\| [1-9]\\d+ MiB \\| [1-9]\\d+ MiB \\| \\d+\\.\\d MiB \\| \\d\\.\\d{3} s \\| 1\\.000 \\|")
                .containsPattern("\\| 3 \\| [\\d,]+ \\| [\\d,]+ \\| \\d+\\.\\d MiB \\| [1-9]\\d+ MiB \\| [1-9]\\d+ MiB \\| \\d+\\.\\d MiB \\| \\d\\.\\d{3} s \\| \\d\\.\\d{3} \\|");

        // Run again: the copies are reused, not written again.
        long written = Files.getLastModifiedTime(scratch.resolve("x3/manifest.json")).toMillis();
        TestingErnie.Result again = ernie("benchmark", "corpus-size", "--source", prepared.toString(), "--sizes", "3", "--steps", "2",
                "--rss-every", "1", "--scratch", scratch.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("writing 3 copies");
        assertThat(Files.getLastModifiedTime(scratch.resolve("x3/manifest.json")).toMillis()).isEqualTo(written);
    }

    @Test
    void refusesBadSizesAndSteps()
    {
        TestingErnie.Result sizes = ernie("benchmark", "corpus-size", "--sizes", "1,0");
        assertThat(sizes.code()).isEqualTo(2);
        assertThat(sizes.err()).contains("--sizes must be positive numbers of copies");
        TestingErnie.Result steps = ernie("benchmark", "corpus-size", "--steps", "4", "--rss-every", "5");
        assertThat(steps.code()).isEqualTo(2);
        assertThat(steps.err()).contains("--steps must be at least 2 and --rss-every between 1 and the steps");
    }
}
