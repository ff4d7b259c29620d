package org.ernie4j.runner;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ernie4j.core.run.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * Mistakes that used to be reported only after the corpus was prepared (minutes to hours on a real corpus): each now
 * stops {@code pretrain} before anything is read or copied, with exit code 2 and the key, file and line.
 */
class TestChecksBeforePreparing
{
    @TempDir
    Path temporary;

    @Test
    void anUnknownTaskIsReportedBeforePreparing()
            throws IOException, URISyntaxException
    {
        Path config = write("unknown-task.yaml", tiny().replace("  - name: knowledge-masking", "  - name: knowledge-maskin"));
        TestingErnie.Result result = pretrain(config, "--corpus", resource("tiny-corpus"));
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("configuration error: tasks[0].name: no pre-training task named 'knowledge-maskin'; known tasks: ")
                .contains("knowledge-masking").contains("(" + config + ", line " + lineOf(config, "  - name:") + ")");
        assertNothingPrepared();
    }

    @Test
    void aMisspelledTaskSettingIsReportedBeforePreparing()
            throws IOException, URISyntaxException
    {
        Path config = write("bad-setting.yaml", tiny().replace("  - name: knowledge-masking",
                "  - name: knowledge-masking\n    settings:\n      masking-rat: 0.2"));
        TestingErnie.Result result = pretrain(config, "--corpus", resource("tiny-corpus"));
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("configuration error: tasks[0].settings.masking-rat: unknown setting of task knowledge-masking")
                .contains("masking-rate").contains("(" + config + ", line " + lineOf(config, "      masking-rat:") + ")");
        assertNothingPrepared();
    }

    @Test
    void aTaskSettingOfTheWrongValueIsReportedBeforePreparing()
            throws IOException, URISyntaxException
    {
        Path config = write("bad-value.yaml", tiny().replace("  - name: knowledge-masking",
                "  - name: knowledge-masking\n    settings:\n      masking-rate: lots"));
        TestingErnie.Result result = pretrain(config, "--corpus", resource("tiny-corpus"));
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("configuration error: tasks[0].settings.masking-rate: expected a number, not the text 'lots'")
                .contains("(" + config + ", line " + lineOf(config, "      masking-rate:") + ")");
        assertNothingPrepared();
    }

    @Test
    void resumeWithoutACheckpointIsReportedBeforePreparing()
            throws IOException, URISyntaxException
    {
        TestingErnie.Result result = pretrain(Path.of(resource("tiny.yaml")), "--resume", "--corpus", resource("tiny-corpus"));
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("usage error: run directory " + run() + " has no checkpoint to resume from");
        assertNothingPrepared();
    }

    @Test
    void aCorpusThatDoesNotExistIsAUsageError()
            throws IOException, URISyntaxException
    {
        Path nowhere = temporary.resolve("nowhere");
        TestingErnie.Result option = pretrain(Path.of(resource("tiny.yaml")), "--corpus", nowhere.toString());
        assertThat(option.code()).as(option.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(option.err()).contains("configuration error: --corpus: " + nowhere + " does not exist");

        Path config = write("nowhere.yaml", tiny().replace("corpus:\n", "corpus:\n  path: " + nowhere + "\n"));
        TestingErnie.Result configured = pretrain(config);
        assertThat(configured.code()).as(configured.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(configured.err()).contains("configuration error: corpus.path: " + nowhere + " does not exist (" + config + ", line "
                + lineOf(config, "  path:") + ")");
        assertNothingPrepared();
    }

    @Test
    void continuingARunWithoutItsCorpusSaysWhichCorpusToGiveAndCopiesNothing()
            throws IOException, URISyntaxException
    {
        TestingErnie.Result first = pretrain(Path.of(resource("tiny.yaml")), "--max-steps", "1", "--corpus", resource("tiny-corpus"));
        assertThat(first.code()).as(first.err()).isZero();

        TestingErnie.Result again = pretrain(Path.of(resource("tiny.yaml")), "--resume");
        assertThat(again.code()).as(again.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(again.err()).contains("corpus.path: no corpus given, and the prepared corpus in " + run().resolve("prepared") + " was made from ")
                .contains("give --corpus " + resource("tiny-corpus"));
        assertThat(run().resolve("demo-corpus")).doesNotExist();
    }

    @Test
    void aRunOnTheDemoSampleContinuesAfterItsDirectoryWasMoved()
            throws IOException, URISyntaxException
    {
        // No --corpus and no corpus.path: the embedded sample, copied into the run directory.
        Path before = temporary.resolve("before");
        TestingErnie.Result first = ernie("pretrain", "--max-steps", "1", "--config", resource("tiny.yaml"), "--run-dir", before.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Files.move(before, run());

        // The prepared corpus names the old place of the sample; its fingerprint says it is the sample all the same.
        TestingErnie.Result moved = pretrain(Path.of(resource("tiny.yaml")), "--max-steps", "1");
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("stopped at step 2 of 6 (resumed at step 1)");
    }

    @Test
    void theRunDirectoryIsLockedBeforePreparing()
            throws IOException, URISyntaxException
    {
        // Another training holds the directory: a second start must not prepare beside it (and then fail on what it wrote).
        try (RunLock held = RunLock.acquire(run())) {
            TestingErnie.Result result = pretrain(Path.of(resource("tiny.yaml")), "--corpus", resource("tiny-corpus"));
            assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.FAILURE);
            assertThat(result.err()).contains("run directory " + run() + " is already in use");
        }
        assertNothingPrepared();
    }

    @Test
    void compareChecksItsTasksAndRegimesBeforePreparing()
            throws IOException, URISyntaxException
    {
        Path config = write("unknown-task.yaml", tiny().replace("  - name: knowledge-masking", "  - name: knowledge-maskin"));
        TestingErnie.Result unknownTask = ernie("compare", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                run().toString());
        assertThat(unknownTask.code()).as(unknownTask.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(unknownTask.err()).contains("tasks[0].name: no pre-training task named 'knowledge-maskin'");
        assertNothingPrepared();

        TestingErnie.Result unknownRegime = ernie("compare", "--regimes", "continual,sequentail", "--config", resource("tiny.yaml"), "--corpus",
                resource("tiny-corpus"), "--run-dir", run().toString());
        assertThat(unknownRegime.code()).as(unknownRegime.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(unknownRegime.err()).contains("--regimes: 'sequentail' is not one of");
        assertNothingPrepared();
    }

    @Test
    void prepareLocksTheRunDirectoryItPreparesInto()
            throws IOException, URISyntaxException
    {
        try (RunLock held = RunLock.acquire(run())) {
            TestingErnie.Result result = ernie("prepare", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                    run().toString());
            assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.FAILURE);
            assertThat(result.err()).contains("run directory " + run() + " is already in use");
        }
        assertNothingPrepared();
    }

    private TestingErnie.Result pretrain(Path config, String... options)
    {
        String[] args = new String[options.length + 5];
        args[0] = "pretrain";
        args[1] = "--config";
        args[2] = config.toString();
        args[3] = "--run-dir";
        args[4] = run().toString();
        System.arraycopy(options, 0, args, 5, options.length);
        return ernie(args);
    }

    private void assertNothingPrepared()
    {
        assertThat(run().resolve("prepared")).doesNotExist();
        assertThat(run().resolve("demo-corpus")).doesNotExist();
    }

    private Path run()
    {
        return temporary.resolve("run");
    }

    private Path write(String name, String text)
            throws IOException
    {
        return Files.writeString(temporary.resolve(name), text);
    }

    static String tiny()
            throws IOException, URISyntaxException
    {
        return Files.readString(Path.of(resource("tiny.yaml")));
    }

    /** The 1-based number of the first line of {@code file} that starts with {@code start}. */
    static int lineOf(Path file, String start)
            throws IOException
    {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line starting with " + start);
    }
}
