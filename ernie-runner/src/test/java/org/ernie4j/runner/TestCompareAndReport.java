package org.ernie4j.runner;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * The regime comparison and the run report, on real text with a tiny model.
 */
class TestCompareAndReport
{
    @TempDir
    Path temporary;

    @Test
    void comparesRegimesAndWritesReports()
            throws Exception
    {
        Path run = temporary.resolve("compare");
        Path results = temporary.resolve("RESULTS.md");
        TestingErnie.Result result = ernie("compare", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString(), "--write", results.toString());
        assertThat(result.code()).as(result.err()).isZero();
        for (String regime : List.of("continual", "sequential", "multi-task")) {
            assertThat(run.resolve(regime + "/checkpoints/step-00000012/manifest.json")).exists();
            assertThat(run.resolve(regime + "/report/index.html")).content().contains("<svg").contains("knowledge-masking");
            assertThat(Files.readAllLines(run.resolve(regime + "/evaluations.jsonl"))).isNotEmpty();
        }
        // Sequential learning trains capitalization only in its second stage: after stage 0, only knowledge masking is evaluated.
        List<String> sequential = Files.readAllLines(run.resolve("sequential/evaluations.jsonl"));
        assertThat(sequential.get(0)).contains("\"step\":6").contains("knowledge-masking");
        assertThat(sequential).filteredOn(line -> line.contains("\"step\":6,")).hasSize(1);
        // Every evaluation says what it rests on and what it must beat.
        assertThat(sequential).allSatisfy(line -> assertThat(line).contains("\"examples\":8,").contains("\"documents\":1,")
                .containsPattern("\"accuracy_low\":0\\.\\d+").containsPattern("\"majority_baseline\":0\\.\\d+")
                .contains("\"layout_baseline\":"));
        assertThat(Files.readString(results))
                .contains("#### continual: final held-out accuracy against its baselines")
                .contains("| task | accuracy [95% interval] | majority label | layout only | items (examples, documents) | verdict |")
                .containsPattern("\\| knowledge-masking \\| 0\\.\\d{3} \\[0\\.\\d{3}, 0\\.\\d{3}\\] \\| 0\\.\\d{3} \\|")
                .contains("Forgetting with the half-width of its 95% interval")
                .containsPattern("\\d \\u00b1 0\\.\\d{3}")
                .contains("### Continual vs sequential vs multi-task")
                .contains("| task | continual | sequential | multi-task |")
                .contains("| knowledge-masking |")
                .contains("| capitalization |")
                .contains("#### sequential: held-out accuracy after each stage");
        assertThat(run.resolve("comparison.md")).exists();
    }

    @Test
    void reportOfARunDirectory()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result trained = ernie("pretrain", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString());
        assertThat(trained.code()).as(trained.err()).isZero();
        TestingErnie.Result report = ernie("report", run.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("report " + run.resolve("report/index.html"));
        assertThat(run.resolve("report/index.html")).content()
                .contains("Training loss per task").contains("<polyline").contains("Held-out accuracy").contains("hsl(140");
        assertThat(Files.readAllLines(run.resolve("report/losses.csv"))).hasSize(13).first().isEqualTo("step,task,loss,accuracy,masked_lm_loss,tokens,seconds");
        assertThat(run.resolve("report/report.json")).content().contains("\"forgetting\"").contains("\"smoothedLoss\"");
        assertThat(run.resolve("report/forgetting.csv")).content().startsWith("task,best_accuracy");
        assertThat(run.resolve("report/index.html")).content().contains("Final held-out accuracy against its baselines").contains("layout only");
        assertThat(Files.readAllLines(run.resolve("report/evaluations.csv")).get(0))
                .isEqualTo("step,stage,task,loss,accuracy,accuracy_low,accuracy_high,majority_baseline,layout_baseline,verdict,labelled,examples,documents");
    }

    @Test
    void reportOfSomethingElseSaysSo()
    {
        TestingErnie.Result report = ernie("report", temporary.toString());
        assertThat(report.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(report.err()).contains("is not a run directory");
    }
}
