package org.ernie4j.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;

import picocli.CommandLine;

/**
 * {@code --config FILE}, shared by the commands that read a run configuration. Without it, the embedded demo
 * configuration is used.
 */
final class ConfigOption
{
    static final String DEMO = "demo.yaml";

    @CommandLine.Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The run configuration (YAML). Default: the embedded demo configuration.")
    private Path file;

    /** The configuration file, if one was given. */
    Path file()
    {
        return file;
    }

    /** How to name the configuration in a message: its file, or the embedded demo configuration. */
    String describe()
    {
        return file == null ? "the embedded " + DEMO : file.toString();
    }

    boolean isDemo()
    {
        return file == null;
    }

    ErnieConfig load(ConfigLoader loader)
    {
        return file == null ? loader.parse(demoText(), "embedded " + DEMO) : loader.load(file);
    }

    static String demoText()
    {
        try (InputStream in = ConfigOption.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IllegalStateException("the runner jar has no " + DEMO);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
