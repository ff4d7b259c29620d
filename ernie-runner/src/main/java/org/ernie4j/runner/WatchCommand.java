package org.ernie4j.runner;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;

import com.google.inject.Inject;
import picocli.CommandLine.Command;

/**
 * {@code ernie watch}: pre-training as a long-running service over a plugins folder. It trains like {@code pretrain},
 * and when the schedule is done it keeps watching the folder: every new task jar joins as the newest stage and
 * training goes on, until Ctrl-C or a TERM signal (which finish the step and write a checkpoint).
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Train like pretrain, then keep watching the plugins folder: each new task jar joins as the newest stage, until stopped.")
final class WatchCommand
        extends TrainingCommand
{
    @Inject
    WatchCommand(ConfigLoader loader, CorpusPreparation preparation, PretrainingRun run)
    {
        super(loader, preparation, run);
    }

    @Override
    boolean waitForTasks()
    {
        return true;
    }

    @Override
    void checkPlugins(ErnieConfig configuration)
    {
        if (configuration.plugins().directory() == null || configuration.plugins().directory().isBlank()) {
            throw new ConfigException("plugins.directory", "watch needs a plugins folder: give --plugins DIR or set plugins.directory");
        }
    }
}
