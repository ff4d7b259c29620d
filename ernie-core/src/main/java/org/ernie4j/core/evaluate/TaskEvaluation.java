package org.ernie4j.core.evaluate;

import static java.util.Objects.requireNonNull;

/**
 * One task evaluated on its held-out examples at one point of a run.
 *
 * @param step completed training steps when evaluated
 * @param stage the schedule stage the run was in
 * @param task the task evaluated
 * @param loss the mean loss over the held-out examples' labelled items
 * @param accuracy the share of labelled items predicted right (NaN for a custom head)
 * @param labelled the number of labelled items
 */
public record TaskEvaluation(long step, int stage, String task, double loss, double accuracy, long labelled)
{
    public TaskEvaluation
    {
        requireNonNull(task, "task is null");
    }
}
