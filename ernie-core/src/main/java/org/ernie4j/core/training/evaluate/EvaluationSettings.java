package org.ernie4j.core.training.evaluate;

/**
 * Held-out evaluation of a run.
 *
 * @param heldOut the share of documents kept out of training; 0 turns evaluation off
 * @param examples held-out examples per task
 * @param every also evaluate every this many steps; 0 for stage ends only
 */
public record EvaluationSettings(double heldOut, int examples, long every)
{
    public EvaluationSettings
    {
        if (!(heldOut >= 0 && heldOut < 1) || examples < 1 || every < 0) {
            throw new IllegalArgumentException("invalid evaluation settings: " + this);
        }
    }

    /** No held-out documents, no evaluation. */
    public static EvaluationSettings off()
    {
        return new EvaluationSettings(0, 1, 0);
    }
}
