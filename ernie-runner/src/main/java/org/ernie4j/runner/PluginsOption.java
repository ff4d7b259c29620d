package org.ernie4j.runner;

import java.nio.file.Path;

import org.ernie4j.core.config.ErnieConfig;

import picocli.CommandLine;

/**
 * {@code --plugins DIR}, shared by every command that resolves tasks, so that {@code tasks} and {@code schedule} see the
 * tasks that {@code pretrain} trains.
 */
final class PluginsOption
{
    @CommandLine.Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of task plugin jars (overrides plugins.directory); tasks found there join at step boundaries, also while training runs.")
    private Path directory;

    /** The configuration with the folder of the option, if one was given. */
    ErnieConfig apply(ErnieConfig configuration)
    {
        return directory == null ? configuration : configuration.withPlugins(configuration.plugins().withDirectory(directory.toString()));
    }
}
