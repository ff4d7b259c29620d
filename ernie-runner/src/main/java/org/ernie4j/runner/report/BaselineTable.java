package org.ernie4j.runner.report;

import java.util.Collection;
import java.util.Locale;

import org.ernie4j.core.training.evaluate.TaskEvaluation;

/**
 * Held-out accuracies beside what they rest on and what they must beat: the accuracy with its 95% interval, the
 * majority-label and layout-only baselines of the same items, how many items, examples and documents, and whether the
 * accuracy is above the better baseline beyond its interval.
 */
public final class BaselineTable
{
    private BaselineTable()
    {
    }

    /** A Markdown table, one row per evaluation. */
    public static String markdown(Collection<TaskEvaluation> evaluations)
    {
        StringBuilder text = new StringBuilder(
                "| task | accuracy [95% interval] | majority label | layout only | items (examples, documents) | verdict |\n"
                        + "| --- | --- | --- | --- | --- | --- |\n");
        for (TaskEvaluation evaluation : evaluations) {
            text.append("| ").append(evaluation.task())
                    .append(" | ").append(accuracy(evaluation))
                    .append(" | ").append(number(evaluation.baseline().majority()))
                    .append(" | ").append(number(evaluation.baseline().layout()))
                    .append(" | ").append(size(evaluation))
                    .append(" | ").append(evaluation.verdict().text())
                    .append(" |\n");
        }
        return text.toString();
    }

    /** {@code 0.457 [0.431, 0.483]}, or the accuracy alone where no interval was recorded. */
    public static String accuracy(TaskEvaluation evaluation)
    {
        if (!evaluation.interval().isKnown()) {
            return number(evaluation.accuracy());
        }
        return number(evaluation.accuracy()) + " [" + number(evaluation.interval().low()) + ", " + number(evaluation.interval().high()) + "]";
    }

    /** {@code 2,310 (1,000, 12)}: labelled items, examples, documents. */
    public static String size(TaskEvaluation evaluation)
    {
        if (evaluation.examples() == 0) {
            return String.format(Locale.ROOT, "%,d", evaluation.labelled());
        }
        return String.format(Locale.ROOT, "%,d (%,d, %d)", evaluation.labelled(), evaluation.examples(), evaluation.documents());
    }

    static String number(double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
    }
}
