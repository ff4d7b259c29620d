package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.training.evaluate.TaskEvaluation;

/**
 * Hears about a run's progress: a progress bar, a metrics log. Called on the training thread; keep it quick.
 */
@PublicApi
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

    /** The tasks changed at a step boundary (a task joined or left); {@code stageTable} is the new schedule. */
    default void onTasksChanged(long step, String description, String stageTable)
    {
    }

    /** A task could not join or leave at a step boundary; training goes on without the change. */
    default void onTaskRefused(long step, String reason)
    {
    }

    /**
     * The schedule is done and the run waits for new tasks to join (as {@code ernie watch} does), from {@code step} on;
     * heard again each time a wait begins.
     */
    default void onWaitingForTasks(long step)
    {
    }

    default void onCheckpoint(long step, Path directory)
    {
    }

    default void onFinish(long step)
    {
    }
}
