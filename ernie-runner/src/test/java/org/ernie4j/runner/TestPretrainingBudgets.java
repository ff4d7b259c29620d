package org.ernie4j.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/** {@code ernie downstream-table --pretraining}: each arm's steps, batches, positions, tokens and time, from real runs. */
class TestPretrainingBudgets
{
    @TempDir
    Path temporary;

    @Test
    void armsBudgetsComeFromTheirRunDirectories()
            throws Exception
    {
        Path runs = temporary.resolve("pretrain");
        // tiny-two-tasks: 6 steps of each of two tasks, batch 4 x sequence 32; the second arm adds a masked-LM batch to
        // every capitalization step.
        pretrain(Path.of(resource("tiny-two-tasks.yaml")), runs.resolve("b-masked"));
        Path withMaskedLm = temporary.resolve("with-masked-lm.yaml");
        Files.writeString(withMaskedLm, Files.readString(Path.of(resource("tiny-two-tasks.yaml")))
                + "schedule:\n  masked-lm-every-step: knowledge-masking\n");
        pretrain(withMaskedLm, runs.resolve("d-added"));
        long addedTokens = sum(runs.resolve("d-added/metrics.jsonl"), "masked_lm_tokens");
        long ownTokens = sum(runs.resolve("d-added/metrics.jsonl"), "tokens");
        assertThat(addedTokens).isBetween(1L, 6L * 4 * 32);

        // A log written before the added batches' tokens were recorded, by a run resumed over its last step.
        Path old = runs.resolve("d-old");
        Files.createDirectories(old);
        Files.copy(runs.resolve("d-added/config.yaml"), old.resolve("config.yaml"));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(runs.resolve("d-added/metrics.jsonl"))) {
            lines.add(line.replaceAll(",\"masked_lm_tokens\":\\d+", ""));
        }
        lines.add(lines.get(lines.size() - 1));
        Files.write(old.resolve("metrics.jsonl"), lines, StandardCharsets.UTF_8);

        TestingErnie.Result table = ernie("downstream-table", "--results", temporary.resolve("no-fine-tunings").toString(), "--datasets", "spam",
                "--arms", "a-none,b-masked,d-added,d-old", "--reference", "b-masked", "--seeds", "1", "--pretraining", runs.toString());

        assertThat(table.code()).as(table.err()).isZero();
        // 12 steps: the median is the mean of the 6th and 7th fastest.
        List<Double> times = values(runs.resolve("b-masked/metrics.jsonl"), "seconds").stream().sorted().toList();
        double median = (times.get(5) + times.get(6)) / 2;
        assertThat(table.out()).containsPattern(String.format("\\| b-masked \\| .* \\| %.3f s \\| knowledge-masking 6", median));
        assertThat(table.out())
                .contains("| b-masked | 12 | 12 | 1,536 | ")
                .contains(String.format("| d-added | 12 | 18 | 2,304 | %,d | 6 batches, %,d tokens | ", ownTokens + addedTokens, addedTokens))
                .contains(String.format("| d-old | 12 | 18 | 2,304 | %,d + not recorded | 6 batches, tokens not recorded | ", ownTokens))
                .contains("knowledge-masking 6, capitalization 6 |")
                .doesNotContain("| a-none | 0 |");
    }

    @Test
    void aPretrainingFolderThatIsNotOneSaysSo()
    {
        TestingErnie.Result table = ernie("downstream-table", "--results", temporary.toString(), "--datasets", "spam", "--arms", "b",
                "--reference", "b", "--seeds", "1", "--pretraining", temporary.resolve("nowhere").toString());

        assertThat(table.code()).isNotZero();
        assertThat(table.err()).contains("--pretraining " + temporary.resolve("nowhere") + " is not a directory");
    }

    private static void pretrain(Path config, Path run)
            throws Exception
    {
        TestingErnie.Result trained = ernie("pretrain", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString());
        assertThat(trained.code()).as(trained.err()).isZero();
    }

    private static long sum(Path metrics, String field)
            throws Exception
    {
        return Math.round(values(metrics, field).stream().mapToDouble(Double::doubleValue).sum());
    }

    private static List<Double> values(Path metrics, String field)
            throws Exception
    {
        List<Double> values = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(metrics)) {
            values.add(json.readTree(line).path(field).asDouble());
        }
        return values;
    }
}
