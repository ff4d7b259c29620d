package org.ernie4j.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.ernie4j.core.PublicApi;

/**
 * {@code evaluation:} held-out documents and when every introduced task is evaluated on them (to measure forgetting).
 *
 * @param heldOut the share of documents kept out of training for evaluation (at least one when positive and the
 *         corpus has two or more documents); 0 disables evaluation
 * @param examples held-out examples per task
 * @param every also evaluate every this many steps; 0 evaluates only at the end of each stage
 */
@PublicApi
public record EvaluationSection(double heldOut, int examples, long every)
{
    @JsonCreator
    public EvaluationSection(
            @JsonProperty("held-out") Double heldOut,
            @JsonProperty("examples") Integer examples,
            @JsonProperty("every") Long every)
    {
        this(Defaults.or(heldOut, 0.05), Defaults.or(examples, 1000), Defaults.or(every, 0L));
    }

    /** This section evaluating also every {@code replacement} steps. */
    public EvaluationSection withEvery(long replacement)
    {
        return new EvaluationSection(heldOut, examples, replacement);
    }

    public static EvaluationSection defaults()
    {
        return new EvaluationSection((Double) null, null, null);
    }
}
