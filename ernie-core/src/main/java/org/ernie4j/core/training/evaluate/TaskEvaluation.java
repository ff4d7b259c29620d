package org.ernie4j.core.training.evaluate;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.baseline.BaselineAccuracy;

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
 * @param examples the number of held-out examples the items come from
 * @param documents the number of held-out documents the examples come from
 * @param interval the accuracy's 95% interval
 * @param baseline what the same items allow without reading the text
 * @param byClass the accuracy split by true class, {@link ClassAccuracy#NONE} where not kept
 */
@PublicApi
public record TaskEvaluation(long step, int stage, String task, double loss, double accuracy, long labelled, int examples, int documents,
        AccuracyInterval interval, BaselineAccuracy baseline, ClassAccuracy byClass)
{
    public TaskEvaluation
    {
        requireNonNull(task, "task is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(byClass, "byClass is null");
    }

    /** An evaluation without its split by class. */
    public TaskEvaluation(long step, int stage, String task, double loss, double accuracy, long labelled, int examples, int documents,
            AccuracyInterval interval, BaselineAccuracy baseline)
    {
        this(step, stage, task, loss, accuracy, labelled, examples, documents, interval, baseline, ClassAccuracy.NONE);
    }

    /** An evaluation known only by its figures (records written before intervals and baselines were kept). */
    public TaskEvaluation(long step, int stage, String task, double loss, double accuracy, long labelled)
    {
        this(step, stage, task, loss, accuracy, labelled, 0, 0, AccuracyInterval.UNKNOWN, BaselineAccuracy.NONE);
    }

    /** Whether the accuracy is above its best baseline beyond doubt: the interval's lower end is above it. */
    public Verdict verdict()
    {
        double best = baseline.best();
        if (!interval.isKnown() || Double.isNaN(best)) {
            return Verdict.UNKNOWN;
        }
        return interval.low() > best ? Verdict.ABOVE_BASELINE : Verdict.NOT_ABOVE_BASELINE;
    }

    /** How an accuracy compares with its baseline. */
    public enum Verdict
    {
        ABOVE_BASELINE("above baseline"),
        NOT_ABOVE_BASELINE("not above baseline"),
        UNKNOWN("");

        private final String text;

        Verdict(String text)
        {
            this.text = text;
        }

        public String text()
        {
            return text;
        }
    }
}
