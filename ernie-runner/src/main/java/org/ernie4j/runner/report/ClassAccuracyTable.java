package org.ernie4j.runner.report;

import java.util.List;

import org.ernie4j.core.training.evaluate.ClassAccuracy;
import org.ernie4j.core.training.evaluate.TaskEvaluation;

/**
 * Held-out accuracies split by true class, as Markdown: one row per task, each class with its accuracy (recall) and its
 * number of items. Classes are numbered as the task's documentation numbers its labels. Tasks without a split (a masked
 * token head, a custom head, records written before splits were kept) are left out; with none at all there is no table.
 */
final class ClassAccuracyTable
{
    private ClassAccuracyTable()
    {
    }

    static String markdown(List<TaskEvaluation> evaluations)
    {
        List<TaskEvaluation> split = evaluations.stream().filter(evaluation -> evaluation.byClass().isKnown()).toList();
        if (split.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n#### Final held-out accuracy by true class\n\n")
                .append("Each class's share of its items predicted right, with its number of items (the task's documentation names its classes):\n\n")
                .append("| task | class: accuracy (items) |\n| --- | --- |\n");
        for (TaskEvaluation evaluation : split) {
            ClassAccuracy byClass = evaluation.byClass();
            text.append("| ").append(evaluation.task()).append(" |");
            for (int label = 0; label < byClass.classes(); label++) {
                text.append(label == 0 ? " " : "; ").append(label).append(": ").append(BaselineTable.number(byClass.accuracy(label)))
                        .append(" (").append(byClass.labelled(label)).append(')');
            }
            text.append(" |\n");
        }
        return text.toString();
    }
}
