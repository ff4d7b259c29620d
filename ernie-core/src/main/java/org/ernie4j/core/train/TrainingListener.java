package org.ernie4j.core.train;

import java.nio.file.Path;

/**
 * Hears about a run's progress: a progress bar, a metrics log. Called on the training thread; keep it quick.
 */
public interface TrainingListener
{
    default void onStart(long firstStep, long totalSteps)
    {
    }

    void onStep(StepRecord record);

    default void onCheckpoint(long step, Path directory)
    {
    }

    default void onFinish(long step)
    {
    }
}
