package org.ernie4j.runner;

import java.io.PrintWriter;

import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TrainingListener;

/**
 * Tells the user of {@code ernie watch} that the schedule is done and the run waits for task jars, which otherwise looks
 * like a hang: nothing is printed until a jar arrives.
 */
final class WaitingNotice
        implements TrainingListener
{
    private final PrintWriter err;
    private final String folder;

    WaitingNotice(PrintWriter err, String folder)
    {
        this.err = err;
        this.folder = folder;
    }

    @Override
    public void onStep(StepRecord record)
    {
    }

    @Override
    public void onWaitingForTasks(long step)
    {
        err.printf("%nthe schedule is done at step %d; waiting for new task jars in %s (each joins as the newest stage; Ctrl-C or SIGTERM stops)%n",
                step, folder);
        err.flush();
    }
}
