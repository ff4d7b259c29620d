package org.ernie4j.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;
import static org.ernie4j.runner.TestingErnie.waitFor;

/**
 * A training JVM killed with SIGKILL between steps and in the middle of writing a checkpoint, then resumed: it starts
 * from the last complete checkpoint, never a partial one, and the resumed run repeats the loss curve of a run that was
 * never interrupted.
 */
class TestCrashSafety
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temporary;

    private List<Double> uninterrupted;

    @BeforeEach
    void trainWithoutInterruption()
            throws Exception
    {
        Path run = temporary.resolve("straight");
        TestingErnie.Result result = ernie("pretrain", "--config", resource("tiny-crash.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString());
        assertThat(result.code()).as(result.err()).isZero();
        uninterrupted = losses(run);
        assertThat(uninterrupted).hasSize(40);
    }

    @Test
    void killedBetweenStepsResumesFromTheLastCheckpointAndRepeatsTheLossCurve()
            throws Exception
    {
        Path run = temporary.resolve("killed");
        Process training = train(run, "");
        waitFor("the training JVM", () -> Files.exists(run.resolve("checkpoints/step-00000010/manifest.json")) && lines(run.resolve("metrics.jsonl")) >= 15, training);
        training.destroyForcibly().waitFor();

        TestingErnie.Result resumed = resume(run);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("finished at step 40 of 40 (resumed at step");
        assertThat(losses(run)).hasSize(40);
        assertSameCurve(losses(run));
    }

    @Test
    void killedWhileWritingACheckpointNeverResumesFromThePartialOne()
            throws Exception
    {
        Path run = temporary.resolve("killed-writing");
        Process training = train(run, "20:60000");
        Path checkpoints = run.resolve("checkpoints");
        // The checkpoint of step 20 is held before its rename: kill the JVM while it sits there, files written, not in place.
        waitFor("the training JVM", () -> leftovers(checkpoints).stream().anyMatch(path -> path.getFileName().toString().startsWith(".step-00000020.tmp-")), training);
        // While that JVM holds the run, a second process is refused.
        TestingErnie.Result second = resume(run);
        assertThat(second.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(second.err()).contains("is in use by another process (pid " + training.pid() + ")");
        training.destroyForcibly().waitFor();
        assertThat(leftovers(checkpoints)).singleElement().asString().contains(".step-00000020.tmp-");
        assertThat(checkpoints.resolve("step-00000020")).doesNotExist();
        assertThat(checkpoints.resolve("step-00000010/manifest.json")).exists();

        TestingErnie.Result resumed = resume(run);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("finished at step 40 of 40 (resumed at step 10)");
        assertThat(leftovers(checkpoints)).as("the partial checkpoint was removed").isEmpty();
        assertThat(losses(run)).hasSize(40);
        assertSameCurve(losses(run));
    }

    @Test
    void terminatedWithSigtermFinishesTheStepWritesACheckpointAndResumes()
            throws Exception
    {
        Path run = temporary.resolve("terminated");
        Process training = train(run, "");
        waitFor("the training JVM", () -> lines(run.resolve("metrics.jsonl")) >= 12, training);
        training.destroy();
        assertThat(training.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(temporary.resolve("terminated.log"));
        assertThat(log).contains("stopping after the current step and writing a checkpoint").containsPattern("stopped at step \\d+ of 40");
        // A stop that wrote its checkpoint is a success, as one after --max-steps is (not 143, the JVM's code for death by TERM).
        assertThat(training.exitValue()).as(log).isZero();
        long stoppedAt = lines(run.resolve("metrics.jsonl"));
        assertThat(run.resolve(String.format("checkpoints/step-%08d/manifest.json", stoppedAt))).exists();

        TestingErnie.Result resumed = resume(run);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("finished at step 40 of 40 (resumed at step " + stoppedAt + ")");
        assertSameCurve(losses(run));
    }

    private Process train(Path run, String pauseBeforeRename)
            throws Exception
    {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=2G",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G", "-D" + CheckpointStore.PAUSE_BEFORE_RENAME_PROPERTY + "=" + pauseBeforeRename,
                "-cp", System.getProperty("java.class.path"), Ernie.class.getName(), "pretrain", "--config", resource("tiny-crash.yaml"),
                "--corpus", resource("tiny-corpus"), "--run-dir", run.toString())
                .redirectErrorStream(true)
                .redirectOutput(temporary.resolve(run.getFileName() + ".log").toFile())
                .start();
    }

    private static TestingErnie.Result resume(Path run)
            throws Exception
    {
        return ernie("pretrain", "--resume", "--config", resource("tiny-crash.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString());
    }

    private void assertSameCurve(List<Double> resumed)
    {
        for (int step = 0; step < uninterrupted.size(); step++) {
            assertThat(resumed.get(step)).as("loss at step %d", step).isCloseTo(uninterrupted.get(step), within(1e-5));
        }
    }

    private static List<Double> losses(Path run)
            throws IOException
    {
        List<Double> losses = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.path("step").asInt()).isEqualTo(losses.size());
            losses.add(node.path("loss").asDouble());
        }
        return losses;
    }

    private static List<Path> leftovers(Path checkpoints)
            throws IOException
    {
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(checkpoints)) {
            return entries.filter(path -> path.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static long lines(Path file)
            throws IOException
    {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
