package org.ernie4j.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.training.evaluate.ForgettingMatrix;
import org.ernie4j.core.training.evaluate.TaskEvaluation;

import static java.util.Objects.requireNonNull;

/**
 * Runs of the same tasks, data and step budget under different schedules, side by side as Markdown: each task's final
 * held-out accuracy and loss, its forgetting, and each run's matrix of held-out accuracy at stage ends.
 */
public final class RegimeComparison
{
    private final Map<String, RunRecords> runs;

    /**
     * @param runs by regime name, in the order to show them
     */
    public RegimeComparison(Map<String, RunRecords> runs)
    {
        this.runs = new LinkedHashMap<>(requireNonNull(runs, "runs is null"));
    }

    public String markdown()
    {
        Map<String, ForgettingMatrix> matrices = new LinkedHashMap<>();
        runs.forEach((regime, records) -> matrices.put(regime, ForgettingMatrix.of(records.evaluations())));
        Set<String> tasks = new LinkedHashSet<>();
        runs.values().forEach(records -> tasks.addAll(records.tasks()));
        StringBuilder text = new StringBuilder();
        table(text, "Final held-out accuracy (higher is better)", tasks, matrices, matrix -> finals(matrix, TaskEvaluation::accuracy));
        for (Map.Entry<String, ForgettingMatrix> entry : matrices.entrySet()) {
            text.append("\n#### ").append(entry.getKey()).append(": final held-out accuracy against its baselines\n\n")
                    .append(BaselineTable.markdown(entry.getValue().finalResults().values()));
        }
        table(text, "Final held-out loss (lower is better)", tasks, matrices, matrix -> finals(matrix, TaskEvaluation::loss));
        table(text, "Forgetting: best held-out accuracy before the end minus the final one (lower is better)", tasks, matrices,
                RegimeComparison::forgetting);
        forgettingMargins(text, tasks, matrices);
        for (Map.Entry<String, ForgettingMatrix> entry : matrices.entrySet()) {
            stageMatrix(text, entry.getKey(), entry.getValue());
        }
        return text.toString();
    }

    private static Map<String, Double> finals(ForgettingMatrix matrix, ToDoubleFunction<TaskEvaluation> value)
    {
        Map<String, Double> finals = new LinkedHashMap<>();
        matrix.finalResults().forEach((task, result) -> finals.put(task, value.applyAsDouble(result)));
        return finals;
    }

    private static Map<String, Double> forgetting(ForgettingMatrix matrix)
    {
        Map<String, Double> values = new LinkedHashMap<>();
        matrix.forgetting().forEach(task -> values.put(task.task(), task.accuracyForgetting()));
        return values;
    }

    /**
     * The forgetting of each task with the half-width of its 95% interval; a value within its margin cannot be told from
     * no forgetting, and two regimes whose values lie within each other's margins cannot be told apart.
     */
    private static void forgettingMargins(StringBuilder text, Set<String> tasks, Map<String, ForgettingMatrix> matrices)
    {
        text.append("\nForgetting with the half-width of its 95% interval (from the intervals of the best and the final accuracy):\n\n| task |");
        matrices.keySet().forEach(regime -> text.append(' ').append(regime).append(" |"));
        text.append("\n| --- |");
        matrices.keySet().forEach(regime -> text.append(" --- |"));
        text.append('\n');
        for (String task : tasks) {
            text.append("| ").append(task).append(" |");
            for (ForgettingMatrix matrix : matrices.values()) {
                Optional<ForgettingMatrix.Forgetting> forgetting = matrix.forgetting().stream().filter(value -> value.task().equals(task)).findFirst();
                text.append(' ').append(forgetting.map(value -> withMargin(value.accuracyForgetting(), value.accuracyForgettingMargin())).orElse("-"))
                        .append(" |");
            }
            text.append('\n');
        }
        text.append("| **mean** |");
        for (ForgettingMatrix matrix : matrices.values()) {
            OptionalDouble mean = matrix.meanAccuracyForgetting();
            OptionalDouble margin = matrix.meanAccuracyForgettingMargin();
            text.append(" **").append(mean.isPresent() ? withMargin(mean.getAsDouble(), margin.orElse(Double.NaN)) : "-").append("** |");
        }
        text.append('\n');
    }

    private static String withMargin(double value, double margin)
    {
        return Double.isFinite(margin) ? format(value) + " ± " + format(margin) : format(value);
    }

    private void table(StringBuilder text, String title, Set<String> tasks, Map<String, ForgettingMatrix> matrices,
            Function<ForgettingMatrix, Map<String, Double>> values)
    {
        text.append("\n#### ").append(title).append("\n\n| task |");
        matrices.keySet().forEach(regime -> text.append(' ').append(regime).append(" |"));
        text.append("\n| --- |");
        matrices.keySet().forEach(regime -> text.append(" --- |"));
        text.append('\n');
        Map<String, Map<String, Double>> byRegime = new LinkedHashMap<>();
        matrices.forEach((regime, matrix) -> byRegime.put(regime, values.apply(matrix)));
        for (String task : tasks) {
            text.append("| ").append(task).append(" |");
            byRegime.values().forEach(regimeValues -> text.append(' ').append(format(regimeValues.get(task))).append(" |"));
            text.append('\n');
        }
        text.append("| **mean** |");
        byRegime.values().forEach(regimeValues -> {
            OptionalDouble mean = regimeValues.values().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).average();
            text.append(" **").append(mean.isPresent() ? format(mean.getAsDouble()) : "-").append("** |");
        });
        text.append('\n');
    }

    private static void stageMatrix(StringBuilder text, String regime, ForgettingMatrix matrix)
    {
        text.append("\n#### ").append(regime).append(": held-out accuracy after each stage\n\n");
        if (matrix.isEmpty()) {
            text.append("No held-out evaluations.\n");
            return;
        }
        text.append("| after |");
        matrix.tasks().forEach(task -> text.append(' ').append(task).append(" |"));
        text.append("\n| --- |");
        matrix.tasks().forEach(task -> text.append(" --- |"));
        text.append('\n');
        for (ForgettingMatrix.Row row : matrix.stageEnds()) {
            text.append("| stage ").append(row.stage()).append(" (step ").append(row.step()).append(") |");
            for (String task : matrix.tasks()) {
                Optional<TaskEvaluation> result = row.result(task);
                text.append(' ').append(result.map(value -> format(value.accuracy())).orElse("-")).append(" |");
            }
            text.append('\n');
        }
    }

    private static String format(Double value)
    {
        return value == null || !Double.isFinite(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** The regimes compared, in order. */
    public List<String> regimes()
    {
        return new ArrayList<>(runs.keySet());
    }
}
