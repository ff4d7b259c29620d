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
        TestingErnie.Result result = ernie("schedule", "--config", config.toString());
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("model.hidden: given twice (" + config + ", lines " + lineOf(config, "  hidden: 16") + " and "
                + lineOf(config, "  hidden: 32") + ")");
    }

    private Path write(String name, String text)
            throws IOException
    {
        return Files.writeString(temporary.resolve(name), text);
    }
}
