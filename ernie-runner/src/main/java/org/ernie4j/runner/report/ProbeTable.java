package org.ernie4j.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.training.evaluate.TaskEvaluation;

import static java.util.Objects.requireNonNull;

/**
 * The learnability probe's result as Markdown: for each task trained alone, its held-out accuracy along the run (the
 * learning curve) beside its baselines, the final accuracy with its interval, a verdict, the final accuracy split by
 * true class, and which class was answered for each true class. A task whose final
 * interval does not clear its best baseline is flagged: it has not been shown to learn anything from the text.
 */
public final class ProbeTable
{
    private final Map<String, RunRecords> runs;

    /**
     * @param runs each task's run, by task name, in the order to show them
     */
    public ProbeTable(Map<String, RunRecords> runs)
    {
        this.runs = new LinkedHashMap<>(requireNonNull(runs, "runs is null"));
    }

    public String markdown()
    {
        TreeSet<Long> steps = new TreeSet<>();
        runs.values().forEach(records -> records.evaluations().forEach(evaluation -> steps.add(evaluation.step())));
        StringBuilder text = new StringBuilder("\n#### Held-out accuracy along the run, each task trained alone\n\n| task | majority label | layout only |");
        steps.forEach(step -> text.append(" step ").append(step).append(" |"));
        text.append(" held-out loss, first to last |\n| --- | --- | --- |");
        steps.forEach(step -> text.append(" --- |"));
        text.append(" --- |\n");
        List<TaskEvaluation> finals = new ArrayList<>();
        runs.forEach((task, records) -> {
            List<TaskEvaluation> curve = records.evaluations().stream().filter(evaluation -> evaluation.task().equals(task)).toList();
            if (curve.isEmpty()) {
                text.append("| ").append(task).append(" | - | - |");
                steps.forEach(step -> text.append(" - |"));
                text.append(" no held-out evaluation |\n");
                return;
            }
            TaskEvaluation last = curve.get(curve.size() - 1);
            finals.add(last);
            text.append("| ").append(task).append(" | ").append(BaselineTable.number(last.baseline().majority())).append(" | ")
                    .append(BaselineTable.number(last.baseline().layout())).append(" |");
            for (long step : steps) {
                text.append(' ').append(curve.stream().filter(evaluation -> evaluation.step() == step).findFirst()
                        .map(evaluation -> BaselineTable.number(evaluation.accuracy())).orElse("-")).append(" |");
            }
            text.append(' ').append(BaselineTable.number(curve.get(0).loss())).append(" to ").append(BaselineTable.number(last.loss())).append(" |\n");
        });
        text.append("\n#### Final held-out accuracy against its baselines\n\n").append(BaselineTable.markdown(finals));
        text.append(ClassAccuracyTable.markdown(finals));
        text.append(AnswersTable.markdown(finals));
        List<String> flagged = flagged();
        text.append('\n').append(flagged.isEmpty()
                ? "Every task ends above its best baseline by more than its interval.\n"
                : "**Not shown to learn** (the final interval does not clear the best baseline): " + String.join(", ", flagged) + ".\n");
        return text.toString();
    }

    /** The tasks whose final accuracy is not above their best baseline. */
    public List<String> flagged()
    {
        List<String> flagged = new ArrayList<>();
        runs.forEach((task, records) -> records.evaluations().stream().filter(evaluation -> evaluation.task().equals(task))
                .reduce((first, second) -> second)
                .filter(last -> last.verdict() == TaskEvaluation.Verdict.NOT_ABOVE_BASELINE)
                .ifPresent(last -> flagged.add(task)));
        return flagged;
    }
}
