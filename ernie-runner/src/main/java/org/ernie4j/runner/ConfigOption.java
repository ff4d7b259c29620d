package org.ernie4j.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.KeyLines;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.spi.InvalidSettingException;

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

    /**
     * A problem found after the configuration was read (a task name or setting, a folder) as a configuration error
     * with the file and line of its key; other problems as they are.
     */
    RuntimeException located(RuntimeException problem, ConfigLoader loader)
    {
        if (problem instanceof ConfigException config) {
            return keys(loader).locate(config.path(), config.problem(), config);
        }
        if (problem instanceof InvalidSettingException setting) {
            return keys(loader).locate(setting.path(), setting.getMessage().substring(setting.path().length() + 2), setting);
        }
        return problem;
    }

    /**
     * Checks the configuration's tasks and their settings before any corpus is read, an error being located at its
     * file and line.
     */
    void checkTasks(PretrainingRun run, ErnieConfig configuration, ConfigLoader loader)
    {
        try {
            run.checkTasks(configuration);
        }
        catch (ConfigException | InvalidSettingException e) {
            throw located(e, loader);
        }
    }

    private KeyLines keys(ConfigLoader loader)
    {
        return file == null ? KeyLines.of(demoText(), "embedded " + DEMO) : loader.keyLines(file);
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
