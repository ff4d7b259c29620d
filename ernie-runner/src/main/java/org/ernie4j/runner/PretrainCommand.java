package org.ernie4j.runner;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;

import com.google.inject.Inject;
import picocli.CommandLine.Command;

/**
 * {@code ernie pretrain}: continual multi-task pre-training until the schedule ends. With no arguments it runs the demo:
 * a small encoder trained with three tasks on the embedded sample of State of the Union addresses, finishing in a few
 * minutes on two cores and leaving checkpoints in {@code runs/demo/checkpoints}.
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pre-train an encoder with the configured tasks on their schedule (default: the demo run).")
final class PretrainCommand
        extends TrainingCommand
{
    @Inject
    PretrainCommand(ConfigLoader loader, CorpusPreparation preparation, PretrainingRun run)
    {
        super(loader, preparation, run);
    }

    @Override
    boolean waitForTasks()
    {
        return false;
    }
}
