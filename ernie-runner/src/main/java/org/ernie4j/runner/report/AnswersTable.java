package org.ernie4j.runner.report;

import java.util.List;

import org.ernie4j.core.training.evaluate.ClassAccuracy;
import org.ernie4j.core.training.evaluate.TaskEvaluation;

/**
 * The classes a model answered on held-out items, by true class, as Markdown: one matrix per task (rows the true class,
 * columns the class answered, cells counts of items). Accuracy by class says how often a class is right; this says what
 * a wrong answer was instead, which is what tells a model that locates one part of its input apart from one that reads
 * none of it. Shown for tasks of at most {@value #MOST_CLASSES} classes whose evaluation kept the answers.
 */
final class AnswersTable
{
    /** Wider matrices are too wide to read in a report. */
    static final int MOST_CLASSES = 12;

    private AnswersTable()
    {
    }

    static String markdown(List<TaskEvaluation> evaluations)
    {
        List<TaskEvaluation> shown = evaluations.stream()
                .filter(evaluation -> evaluation.byClass().hasAnswers() && evaluation.byClass().classes() <= MOST_CLASSES)
                .toList();
        if (shown.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n#### Final held-out answers by true class\n\n")
                .append("Rows are the true class, columns the class answered; each cell counts held-out items (the diagonal is right):\n");
        for (TaskEvaluation evaluation : shown) {
            ClassAccuracy byClass = evaluation.byClass();
            text.append("\n").append(evaluation.task()).append(":\n\n| true class |");
            for (int answer = 0; answer < byClass.classes(); answer++) {
                text.append(" answered ").append(answer).append(" |");
            }
            text.append("\n| ---").append(" | ---".repeat(byClass.classes())).append(" |\n");
            for (int label = 0; label < byClass.classes(); label++) {
                text.append("| ").append(label).append(" |");
                for (int answer = 0; answer < byClass.classes(); answer++) {
                    text.append(' ').append(byClass.answered(label, answer)).append(" |");
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
