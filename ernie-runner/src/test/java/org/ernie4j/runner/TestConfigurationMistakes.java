package org.ernie4j.runner;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestChecksBeforePreparing.lineOf;
import static org.ernie4j.runner.TestChecksBeforePreparing.tiny;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * Ordinary mistakes in a configuration file, made as a user makes them: each stops the command with exit code 2 and a
 * message naming the key, the file and the line, before anything is prepared or trained.
 */
class TestConfigurationMistakes
{
    @TempDir
    Path temporary;

    @Test
    void aSectionGivenTwiceIsRefusedNamingBothLines()
            throws IOException, URISyntaxException
    {
        // The second training: section would replace the first, and steps-per-task would silently fall back to its default.
        Path config = write("twice.yaml", tiny() + "training:\n  learning-rate: 0.001\n");
        int first = lineOf(config, "training:");
        int second = Files.readAllLines(config).size() - 1;
        TestingErnie.Result result = ernie("pretrain", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                temporary.resolve("run").toString());
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("configuration error: training: given twice (" + config + ", lines " + first + " and " + second + ")");
        assertThat(temporary.resolve("run/prepared")).doesNotExist();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingBothLines()
            throws IOException, URISyntaxException
    {
        Path config = write("twice.yaml", tiny().replace("  layers: 1\n", "  layers: 1\n  hidden: 32\n"));
        assertThat(scheduleRefuses(config)).contains("model.hidden: given twice (" + config + ", lines " + lineOf(config, "  hidden: 16") + " and "
                + lineOf(config, "  hidden: 32") + ")");
    }

    @Test
    void sizesThatDoNotFitNameTheFileAndLine()
            throws IOException, URISyntaxException
    {
        Path heads = write("heads.yaml", tiny().replace("  heads: 2", "  heads: 3"));
        assertThat(scheduleRefuses(heads)).contains("configuration error: model.heads: hidden size 16 is not divisible by 3 heads (" + heads + ", line "
                + lineOf(heads, "  heads: 3") + ")");

        Path sequence = write("sequence.yaml", tiny().replace("  sequence-length: 32", "  sequence-length: 64"));
        assertThat(scheduleRefuses(sequence)).contains("configuration error: training.sequence-length: 64 is longer than the position table")
                .contains("(" + sequence + ", line " + lineOf(sequence, "  sequence-length: 64") + ")");
    }

    @Test
    void aValueOfTheWrongTypeIsDescribedInPlainWords()
            throws IOException, URISyntaxException
    {
        Path quoted = write("quoted.yaml", tiny().replace("  hidden: 16", "  hidden: \"16\""));
        assertThat(scheduleRefuses(quoted)).contains("configuration error: model.hidden: expected an integer, not the text '16' (" + quoted + ", line "
                + lineOf(quoted, "  hidden:") + ",")
                .doesNotContain("java.lang").doesNotContain("coerc").doesNotContain("Cannot");

        // A fraction where an integer is wanted used to be cut to one without a word.
        Path fraction = write("fraction.yaml", tiny().replace("  batch-size: 4", "  batch-size: 4.5"));
        assertThat(scheduleRefuses(fraction)).contains("configuration error: training.batch-size: expected an integer, not 4.5 (" + fraction + ", line "
                + lineOf(fraction, "  batch-size:") + ",");
    }

    @Test
    void aNegativeStepLimitIsRefused()
            throws URISyntaxException
    {
        TestingErnie.Result result = ernie("pretrain", "--max-steps", "-5", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", temporary.resolve("run").toString());
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("--max-steps needs a positive number of steps, not -5");
        assertThat(temporary.resolve("run")).doesNotExist();
    }

    @Test
    void aModelThatDiffersFromTheCheckpointsIsReportedAsTheKeysThatDiffer()
            throws IOException, URISyntaxException
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result trained = ernie("pretrain", "--max-steps", "1", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(trained.code()).as(trained.err()).isZero();

        Path wider = write("wider.yaml", tiny().replace("  hidden: 16", "  hidden: 32").replace("  intermediate: 32", "  intermediate: 64"));
        // Refused before the corpus is prepared again into --prepared.
        Path prepared = temporary.resolve("prepared-again");
        TestingErnie.Result resumed = ernie("pretrain", "--config", wider.toString(), "--corpus", resource("tiny-corpus"), "--prepared",
                prepared.toString(), "--run-dir", run.toString());
        assertThat(resumed.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(resumed.err()).contains("cannot resume from " + run.resolve("checkpoints/step-00000001"))
                .contains("model.hidden is 32 but the checkpoint was trained with 16")
                .contains("model.intermediate is 64 but the checkpoint was trained with 32")
                .doesNotContain("model.layers").doesNotContain("{");
        assertThat(prepared).doesNotExist();
    }

    @Test
    void aOneDocumentCorpusSaysThatNothingIsEvaluated()
            throws IOException, URISyntaxException
    {
        Path corpus = Files.createDirectories(temporary.resolve("one-document"));
        Files.copy(Path.of(resource("tiny-corpus/1790_george_washington_n.txt")), corpus.resolve("washington.txt"));
        TestingErnie.Result result = ernie("pretrain", "--max-steps", "1", "--config", resource("tiny.yaml"), "--corpus", corpus.toString(),
                "--run-dir", temporary.resolve("run").toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("evaluation is off: evaluation.held-out is 0.05, but the corpus has 1 document(s)");
    }

    /** What {@code ernie schedule} prints for a configuration it refuses, with exit code 2. */
    private static String scheduleRefuses(Path config)
    {
        TestingErnie.Result result = ernie("schedule", "--config", config.toString());
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        return result.err();
    }

    private Path write(String name, String text)
            throws IOException
    {
        return Files.writeString(temporary.resolve(name), text);
    }
}
