package org.ernie4j.runner;

import java.io.IOException;
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
 * The command line as a user runs it: real text prepared with OpenNLP, a real (tiny) training run, checkpoints and
 * metrics on disk, and the messages a user sees.
 */
class TestPretrainCommand
{
    @TempDir
    Path temporary;

    @Test
    void pretrainsResumesAndRefusesToOverwrite()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result first = ernie("pretrain", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("finished at step 6 of 6").contains("checkpoint " + run.resolve("checkpoints/step-00000006"));
        // The run ends with what it learned: the last held-out figure beside its baselines.
        assertThat(first.out()).contains("held-out accuracy at the last evaluation, against what the layout and the majority label give:")
                .containsPattern("\\| knowledge-masking \\| 0\\.\\d{3} \\[0\\.\\d{3}, 0\\.\\d{3}\\] \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\| [\\d,]+ \\(\\d+, 1\\) \\| (not )?above baseline \\|");
        assertThat(run.resolve("checkpoints/step-00000006/manifest.json")).exists();
        assertThat(run.resolve("checkpoints/step-00000003/manifest.json")).exists();
        assertThat(run.resolve("config.yaml")).content().contains("hidden: 16");
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(6).allMatch(line -> line.contains("\"task\":\"knowledge-masking\""));
        assertThat(run.resolve("prepared/manifest.json")).exists();

        TestingErnie.Result again = ernie("pretrain", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("finished at step 6 of 6 (resumed at step 6)");

        TestingErnie.Result fresh = ernie("pretrain", "--fresh", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(fresh.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(fresh.err()).contains("already holds checkpoints");
        assertThat(run.resolve("checkpoints/step-00000006/manifest.json")).exists();
    }

    @Test
    void stopsAfterMaxStepsAndContinuesWhereItStopped()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result stopped = ernie("pretrain", "--max-steps", "2", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.out()).contains("stopped at step 2 of 6");
        assertThat(run.resolve("checkpoints/step-00000002/manifest.json")).exists();

        TestingErnie.Result resumed = ernie("pretrain", "--resume", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("finished at step 6 of 6 (resumed at step 2)");
        List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertThat(metrics).hasSize(6);
        for (int step = 0; step < 6; step++) {
            assertThat(metrics.get(step)).startsWith("{\"step\":" + step + ",");
        }
    }

    @Test
    void configurationErrorsNameTheKeyAndExitWithTwo()
            throws IOException, URISyntaxException
    {
        Path config = temporary.resolve("bad.yaml");
        Files.writeString(config, Files.readString(Path.of(resource("tiny.yaml"))).replace("  layers: 1", "  layers: 1\n  hiden: 8"));
        TestingErnie.Result result = ernie("pretrain", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                temporary.resolve("run").toString());
        assertThat(result.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("configuration error: model.hiden: unknown key 'hiden'").contains("bad.yaml, line");
    }

    @Test
    void unknownTaskSettingIsAConfigurationError()
            throws IOException, URISyntaxException
    {
        Path config = temporary.resolve("bad.yaml");
        Files.writeString(config, Files.readString(Path.of(resource("tiny.yaml")))
                .replace("  - name: knowledge-masking", "  - name: knowledge-masking\n    settings:\n      masking-rat: 0.2"));
        TestingErnie.Result result = ernie("pretrain", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                temporary.resolve("run").toString());
        assertThat(result.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("tasks[0].settings.masking-rat").contains("unknown setting").contains("masking-rate");
    }

    @Test
    void tasksListsEveryBuiltInTaskWithItsFamilyAndId()
    {
        TestingErnie.Result result = ernie("tasks");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("knowledge-masking\\s+word-aware\\s+0\\s")
                .containsPattern("sentence-distance\\s+structure-aware\\s+1\\s")
                .containsPattern("capitalization\\s+word-aware\\s+2\\s")
                .containsPattern("sentence-reordering\\s+structure-aware\\s+-\\s")
                .containsPattern("token-document-relation\\s+word-aware\\s+-\\s");
    }
}
