package org.ernie4j.core.training;

import org.ernie4j.core.PublicApi;

/**
 * A step whose loss or gradients are not finite. The update of that step is not applied, so the parameters and every
 * checkpoint stay as they were.
 */
@PublicApi
public class TrainingDivergedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final long step;
    private final String task;

    public TrainingDivergedException(long step, String task, String what)
    {
        super("training diverged at step " + step + " (task " + task + "): " + what
                + "; the update was not applied and the last checkpoint is intact. Try a lower learning rate or stronger clipping.");
        this.step = step;
        this.task = task;
    }

    public long step()
    {
        return step;
    }

    public String task()
    {
        return task;
    }
}
