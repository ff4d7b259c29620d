package org.ernie4j.core.train;

import java.nio.file.Path;
import java.util.List;

import org.ernie4j.core.evaluate.TaskEvaluation;

/**
 * Hears about a run's progress: a progress bar, a metrics log. Called on the training thread; keep it quick.
 */
public interface TrainingListener
{
    default void onStart(long firstStep, long totalSteps)
    {
    }

    void onStep(StepRecord record);

    /** Every introduced task evaluated on its held-out examples (at a stage end, or every so many steps). */
    default void onEvaluation(List<TaskEvaluation> results)
    {
    }

    default void onCheckpoint(long step, Path directory)
    {
    }

    default void onFinish(long step)
    {
    }
}
