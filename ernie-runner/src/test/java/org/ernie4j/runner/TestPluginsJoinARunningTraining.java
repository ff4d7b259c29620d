package org.ernie4j.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ernie4j.testkit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * A real training in a separate JVM, a real plugin jar (the README's example task, compiled by this test) dropped into
 * its plugins folder while it runs, and a corrupt jar dropped beside it.
 */
class TestPluginsJoinARunningTraining
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temporary;

    @Test
    void aJarDroppedInJoinsAtAStepBoundaryAndACorruptOneIsReportedAndIgnored()
            throws Exception
    {
        Path plugins = Files.createDirectories(temporary.resolve("plugins"));
        Path run = temporary.resolve("run");
        Path jar = readmeExamplePlugin(temporary.resolve("build"));
        Path log = temporary.resolve("training.log");

        Process training = TestingErnie.start(log, "pretrain", "--config", resource("tiny-plugins.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString(), "--plugins", plugins.toString());
        try {
            waitFor(() -> lines(run.resolve("metrics.jsonl")).size() >= 10, training, log);
            // Copy under a dot-name, then rename: the way a jar is dropped in without ever being seen half-written.
            drop(Files.write(temporary.resolve("broken.jar"), "PK\u0003\u0004 but nothing after".getBytes(StandardCharsets.ISO_8859_1)), plugins);
            drop(jar, plugins);
            assertThat(training.waitFor(5, TimeUnit.MINUTES)).as("training finished; its log:%n%s", read(log)).isTrue();
            assertThat(training.exitValue()).as(read(log)).isZero();
        }
        finally {
            training.destroyForcibly();
        }

        List<JsonNode> events = json(run.resolve("task-events.jsonl"));
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("event").asText()).isEqualTo("refused");
            assertThat(event.path("message").asText()).contains("broken.jar").contains("not a jar, or it is truncated");
        });
        JsonNode joined = events.stream().filter(event -> event.path("event").asText().equals("changed")).findFirst().orElseThrow();
        long joinedAt = joined.path("step").asLong();
        assertThat(joined.path("message").asText()).isEqualTo("task upper-case-words (from upper-case-words.jar) joined as task id 1");
        assertThat(joined.path("schedule").asText()).contains("upper-case-words").contains("knowledge-masking");

        List<JsonNode> steps = json(run.resolve("metrics.jsonl"));
        assertThat(joinedAt).isGreaterThanOrEqualTo(10).isLessThan(150);
        assertThat(steps).hasSize(300);
        assertThat(steps.subList(0, (int) joinedAt)).allSatisfy(step -> assertThat(step.path("task").asText()).isEqualTo("knowledge-masking"));
        assertThat(steps.stream().filter(step -> step.path("task").asText().equals("upper-case-words")).count()).isEqualTo(150);
        // It trains from the boundary on, drawn with the older task in proportion to what each has left.
        assertThat(steps.stream().filter(step -> step.path("task").asText().equals("upper-case-words")).mapToLong(step -> step.path("step").asLong()).min()
                .orElseThrow()).isGreaterThanOrEqualTo(joinedAt).isLessThan(joinedAt + 20);

        JsonNode manifest = JSON.readTree(run.resolve("checkpoints/step-00000300/manifest.json").toFile());
        assertThat(manifest.path("tasks").get(1).path("name").asText()).isEqualTo("upper-case-words");
        assertThat(manifest.path("tasks").get(1).path("origin").asText()).isEqualTo("upper-case-words.jar");
        assertThat(manifest.path("tasks").get(1).path("introducedAtStep").asLong()).isEqualTo(joinedAt);
        assertThat(manifest.path("scheduleEvents").get(0).path("step").asLong()).isEqualTo(joinedAt);

        // The join ended the first stage early: the task present then was measured at that step, so its forgetting can be read.
        List<JsonNode> evaluations = json(run.resolve("evaluations.jsonl"));
        assertThat(evaluations).anySatisfy(evaluation -> {
            assertThat(evaluation.path("step").asLong()).isEqualTo(joinedAt);
            assertThat(evaluation.path("stage").asInt()).isZero();
            assertThat(evaluation.path("task").asText()).isEqualTo("knowledge-masking");
        });
        assertThat(evaluations).filteredOn(evaluation -> evaluation.path("step").asLong() == 300).extracting(evaluation -> evaluation.path("task").asText())
                .containsExactly("knowledge-masking", "upper-case-words");
        TestingErnie.Result report = ernie("report", "--run-dir", run.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readAllLines(run.resolve("report/forgetting.csv"))).hasSize(2).last().asString().startsWith("knowledge-masking,");

        // Resuming needs the plugin again, and says so when it is missing.
        TestingErnie.Result withoutPlugin = ernie("pretrain", "--resume", "--config", resource("tiny-plugins.yaml"), "--corpus",
                resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(withoutPlugin.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(withoutPlugin.err()).contains("upper-case-words (joined at step " + joinedAt + " from upper-case-words.jar)");
        TestingErnie.Result withPlugin = ernie("pretrain", "--resume", "--config", resource("tiny-plugins.yaml"), "--corpus",
                resource("tiny-corpus"), "--run-dir", run.toString(), "--plugins", plugins.toString());
        assertThat(withPlugin.code()).as(withPlugin.err()).isZero();
        assertThat(withPlugin.out()).contains("finished at step 300 of 300 (resumed at step 300)");
    }

    /** The task plugin of README.md's guide, compiled from the README itself. */
    static Path readmeExamplePlugin(Path work)
            throws IOException
    {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(public final class UpperCaseWordsTask.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md shows the UpperCaseWordsTask example").isTrue();
        String source = """
                package example;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Locale;

                import org.ernie4j.spi.LabelGenerator;
                import org.ernie4j.spi.PretrainingTask;
                import org.ernie4j.spi.TaskContext;
                import org.ernie4j.spi.TaskFamily;
                import org.ernie4j.spi.TaskInfo;
                import org.ernie4j.spi.document.Sentence;
                import org.ernie4j.spi.document.Token;
                import org.ernie4j.spi.example.Example;
                import org.ernie4j.spi.example.InputBuilder;
                import org.ernie4j.spi.example.TokenLabels;
                import org.ernie4j.spi.head.HeadSpec;
                import org.ernie4j.spi.head.TokenClassificationHead;

                """ + block.group(1);
        return new PluginJarBuilder()
                .source("example.UpperCaseWordsTask", source)
                .service("example.UpperCaseWordsTask")
                .build(work, work.resolve("upper-case-words.jar"));
    }

    private static void drop(Path jar, Path plugins)
            throws IOException
    {
        Path partial = plugins.resolve("." + jar.getFileName() + ".part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, plugins.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private interface Condition
    {
        boolean holds()
                throws IOException;
    }

    private static void waitFor(Condition condition, Process process, Path log)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.holds()) {
            assertThat(process.isAlive()).as("training is still running; its log:%n%s", read(log)).isTrue();
            assertThat(System.nanoTime()).as("waited too long; the log:%n%s", read(log)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> lines(Path file)
            throws IOException
    {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static List<JsonNode> json(Path file)
            throws IOException
    {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static String read(Path log)
            throws IOException
    {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
