package org.ernie4j.runner;

import java.nio.file.Path;

import picocli.CommandLine;

/**
 * {@code --run-dir}: where a run keeps its prepared corpus, checkpoints and metrics.
 */
final class RunDirectoryOption
{
    @CommandLine.Option(names = {"-d", "--run-dir"}, paramLabel = "DIR",
            description = "The run directory. Default: runs/demo for the demo, else runs/<config file name>.")
    private Path directory;

    Path resolve(ConfigOption config)
    {
        if (directory != null) {
            return directory;
        }
        if (config.isDemo()) {
            return Path.of("runs", "demo");
        }
        String name = config.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return Path.of("runs", name);
    }
}
