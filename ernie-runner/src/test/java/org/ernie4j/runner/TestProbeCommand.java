package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * {@code ernie probe} on real text with a tiny model: each task trained alone, its learning curve against its baselines.
 */
class TestProbeCommand
{
    @TempDir
    Path temporary;

    @Test
    void trainsEachTaskAloneAndShowsItsCurveAgainstItsBaselines()
            throws Exception
    {
        Path run = temporary.resolve("probe");
        Path results = temporary.resolve("RESULTS.md");
        TestingErnie.Result result = ernie("probe", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString(), "--steps", "8", "--points", "2", "--write", results.toString());
        assertThat(result.code()).as(result.err()).isZero();

        for (String task : List.of("knowledge-masking", "capitalization")) {
            // Trained alone: every step is the task's own, evaluated at steps 4 and 8.
            List<String> metrics = Files.readAllLines(run.resolve(task + "/metrics.jsonl"));
            assertThat(metrics).hasSize(8).allSatisfy(line -> assertThat(line).contains("\"task\":\"" + task + "\""));
            List<String> evaluations = Files.readAllLines(run.resolve(task + "/evaluations.jsonl"));
            assertThat(evaluations).hasSize(2);
            assertThat(evaluations.get(0)).contains("\"step\":4,");
            assertThat(evaluations.get(1)).contains("\"step\":8,");
            assertThat(run.resolve(task + "/report/index.html")).exists();
        }
        String markdown = Files.readString(run.resolve("probe.md"));
        assertThat(result.out()).contains(markdown.strip());
        assertThat(markdown)
                .contains("### Learnability probe")
                .contains("each task trained alone from scratch for 8 steps")
                .contains("| task | majority label | layout only | step 4 | step 8 | held-out loss, first to last |")
                .containsPattern("\\| capitalization \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\| \\d+\\.\\d{3} to \\d+\\.\\d{3} \\|")
                .contains("#### Final held-out accuracy against its baselines")
                .contains("#### Final held-out accuracy by true class");
        // Capitalization's classes are few, so its accuracy is split by class; knowledge masking's (one per piece) is not.
        String lastCapitalization = Files.readAllLines(run.resolve("capitalization/evaluations.jsonl")).get(1);
        assertThat(lastCapitalization).containsPattern("\"class_labelled\":\\[\\d+(,\\d+)+\\],\"class_correct\":\\[\\d+(,\\d+)+\\]");
        assertThat(Files.readAllLines(run.resolve("knowledge-masking/evaluations.jsonl")).get(1)).doesNotContain("class_labelled");
        assertThat(markdown).containsPattern("\\| capitalization \\| 0: (0\\.\\d{3}|-) \\(\\d+\\); 1: (0\\.\\d{3}|1\\.000|-) \\(\\d+\\)")
                .doesNotContainPattern("\\| knowledge-masking \\| 0: ");
        // And which class each held-out item was answered with: the rows add up to the class's items.
        assertThat(lastCapitalization).containsPattern("\"class_answered\":\\[\\[\\d+,\\d+\\](,\\[\\d+,\\d+\\])+\\]");
        assertThat(markdown).contains("#### Final held-out answers by true class").contains("capitalization:\n\n| true class | answered 0 | answered 1 |");
        Matcher labelled = Pattern.compile("\"class_labelled\":\\[(\\d+),").matcher(lastCapitalization);
        Matcher row = Pattern.compile("\\| 0 \\| (\\d+) \\| (\\d+) \\|").matcher(markdown.substring(markdown.indexOf("capitalization:\n\n| true class")));
        assertThat(labelled.find() && row.find()).isTrue();
        assertThat(Long.parseLong(row.group(1)) + Long.parseLong(row.group(2))).as("answers of class 0").isEqualTo(Long.parseLong(labelled.group(1)));
        // Eight steps of a 16-wide model teach knowledge masking nothing: it must be flagged, not passed.
        assertThat(markdown).containsPattern("\\*\\*Not shown to learn\\*\\* \\(the final interval does not clear the best baseline\\): [a-z, -]*knowledge-masking");
        assertThat(Files.readString(results)).isEqualTo(markdown);

        // Run again: both tasks are finished, nothing trains, the same table comes back.
        TestingErnie.Result again = ernie("probe", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString(), "--steps", "8", "--points", "2");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readAllLines(run.resolve("capitalization/metrics.jsonl"))).hasSize(8);
        assertThat(Files.readString(run.resolve("probe.md")).replaceAll("\\d{4}-\\d{2}-\\d{2}", ""))
                .isEqualTo(markdown.replace(" --write " + results, "").replaceAll("\\d{4}-\\d{2}-\\d{2}", ""));
    }

    @Test
    void saysWhenItsTasksStartFromPretrainedWeights()
            throws Exception
    {
        Path first = temporary.resolve("first");
        TestingErnie.Result scratch = ernie("probe", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                first.toString(), "--steps", "4", "--points", "1", "--tasks", "knowledge-masking");
        assertThat(scratch.code()).as(scratch.err()).isZero();
        Path config = temporary.resolve("from-masking.yaml");
        Path encoder = first.resolve("knowledge-masking");
        Files.writeString(config, Files.readString(Path.of(resource("tiny-two-tasks.yaml")))
                .replace("  checkpoint-every: 6", "  checkpoint-every: 6\n  initialize-from: " + encoder));
        TestingErnie.Result continued = ernie("probe", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                temporary.resolve("second").toString(), "--steps", "4", "--points", "1", "--tasks", "capitalization");
        assertThat(continued.code()).as(continued.err()).isZero();
        assertThat(continued.out()).contains("each task trained alone from the weights of " + encoder + " (training.initialize-from) for 4 steps")
                .doesNotContain("from scratch");
    }

    @Test
    void refusesBadOptionsBeforeAnyWork()
            throws Exception
    {
        Path run = temporary.resolve("bad");
        TestingErnie.Result unknownTask = ernie("probe", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString(), "--tasks", "capitalisation");
        assertThat(unknownTask.code()).isEqualTo(2);
        assertThat(unknownTask.err()).contains("--tasks: capitalisation is not a task of").contains("[knowledge-masking, capitalization]");
        TestingErnie.Result tooManyPoints = ernie("probe", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString(), "--steps", "3", "--points", "4");
        assertThat(tooManyPoints.code()).isEqualTo(2);
        assertThat(tooManyPoints.err()).contains("--points between 1 and the steps: 3 steps, 4 points");
        // A misspelled task setting is found before the corpus is prepared, with its file and line.
        Path config = temporary.resolve("misspelled.yaml");
        Files.writeString(config, Files.readString(Path.of(resource("tiny-two-tasks.yaml")))
                .replace("  - name: capitalization", "  - name: capitalization\n    settings:\n      maskng-rate: 0.2"));
        TestingErnie.Result misspelled = ernie("probe", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(misspelled.code()).as(misspelled.err()).isEqualTo(2);
        assertThat(misspelled.err()).contains("maskng-rate").contains(config.toString());
        assertThat(run.resolve("prepared")).doesNotExist();
    }
}
