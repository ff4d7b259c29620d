package org.ernie4j.core.training;

/**
 * A training step that failed. Nothing of it was applied, and the state before it is in the newest checkpoint: a
 * resumed run starts again with this very step.
 */
public class TrainingStepException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final long step;

    public TrainingStepException(long step, String task, RuntimeException cause)
    {
        super("step " + step + " (task " + task + ") failed: " + cause.getMessage() + "; training stopped with a checkpoint of the state"
                + " before this step", cause);
        this.step = step;
    }

    public long step()
    {
        return step;
    }
}
