package org.ernie4j.core.training.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * The held-out results of a run as a matrix: one row per evaluation (in step order, labelled with its stage), one
 * column per task (in order of introduction). From it, each task's forgetting as continual-learning practice defines
 * it: the drop from its best value before the end to its final value.
 */
@PublicApi
public final class ForgettingMatrix
{
    private final List<String> tasks;
    private final List<Row> rows;

    private ForgettingMatrix(List<String> tasks, List<Row> rows)
    {
        this.tasks = List.copyOf(tasks);
        this.rows = List.copyOf(rows);
    }

    /**
     * One evaluation point.
     *
     * @param step completed steps
     * @param stage the stage the run was in
     * @param results by task name; tasks not yet introduced are absent
     */
    public record Row(long step, int stage, Map<String, TaskEvaluation> results)
    {
        public Row
        {
            results = Map.copyOf(requireNonNull(results, "results is null"));
        }

        public Optional<TaskEvaluation> result(String task)
        {
            return Optional.ofNullable(results.get(task));
        }
    }

    /**
     * A task's forgetting.
     *
     * @param task the task
     * @param bestAccuracy its best accuracy at any evaluation before the last
     * @param finalAccuracy its accuracy at the last evaluation
     * @param accuracyForgetting best minus final accuracy (positive when the task was forgotten)
     * @param bestLoss its lowest loss before the last evaluation
     * @param finalLoss its loss at the last evaluation
     * @param lossForgetting final minus lowest loss (positive when the task was forgotten)
     * @param accuracyForgettingMargin the half-width of a 95% interval around the accuracy forgetting, from the intervals
     *         of the best and the final accuracy taken as independent; NaN when they were not recorded
     */
    public record Forgetting(String task, double bestAccuracy, double finalAccuracy, double accuracyForgetting, double bestLoss,
            double finalLoss, double lossForgetting, double accuracyForgettingMargin)
    {
        /** Whether the forgetting is larger than its margin: the final accuracy is below the best beyond noise. */
        public boolean isBeyondNoise()
        {
            return Double.isFinite(accuracyForgettingMargin) && accuracyForgetting > accuracyForgettingMargin;
        }
    }

    public static ForgettingMatrix of(List<TaskEvaluation> evaluations)
    {
        Set<String> tasks = new LinkedHashSet<>();
        Map<Long, Map<String, TaskEvaluation>> byStep = new TreeMap<>();
        Map<Long, Integer> stages = new TreeMap<>();
        for (TaskEvaluation evaluation : evaluations) {
            tasks.add(evaluation.task());
            byStep.computeIfAbsent(evaluation.step(), step -> new LinkedHashMap<>()).put(evaluation.task(), evaluation);
            stages.put(evaluation.step(), evaluation.stage());
        }
        List<Row> rows = new ArrayList<>();
        byStep.forEach((step, results) -> rows.add(new Row(step, stages.get(step), results)));
        return new ForgettingMatrix(new ArrayList<>(tasks), rows);
    }

    public List<String> tasks()
    {
        return tasks;
    }

    public List<Row> rows()
    {
        return rows;
    }

    public boolean isEmpty()
    {
        return rows.isEmpty();
    }

    /** The rows at stage ends: the last evaluation of each stage. */
    public List<Row> stageEnds()
    {
        Map<Integer, Row> last = new TreeMap<>();
        for (Row row : rows) {
            last.put(row.stage(), row);
        }
        return List.copyOf(last.values());
    }

    /** The forgetting of every task evaluated at least twice, in task order. */
    public List<Forgetting> forgetting()
    {
        List<Forgetting> forgetting = new ArrayList<>();
        if (rows.isEmpty()) {
            return forgetting;
        }
        Row last = rows.get(rows.size() - 1);
        for (String task : tasks) {
            Optional<TaskEvaluation> finalResult = last.result(task);
            List<TaskEvaluation> earlier = rows.subList(0, rows.size() - 1).stream()
                    .flatMap(row -> row.result(task).stream())
                    .toList();
            if (finalResult.isEmpty() || earlier.isEmpty()) {
                continue;
            }
            Optional<TaskEvaluation> best = earlier.stream().filter(result -> Double.isFinite(result.accuracy()))
                    .max(Comparator.comparingDouble(TaskEvaluation::accuracy));
            double bestAccuracy = best.map(TaskEvaluation::accuracy).orElse(Double.NaN);
            double bestLoss = earlier.stream().mapToDouble(TaskEvaluation::loss).min().orElse(Double.NaN);
            double finalAccuracy = finalResult.get().accuracy();
            double finalLoss = finalResult.get().loss();
            double margin = best.map(result -> combinedHalfWidth(result, finalResult.get())).orElse(Double.NaN);
            forgetting.add(new Forgetting(task, bestAccuracy, finalAccuracy, bestAccuracy - finalAccuracy, bestLoss, finalLoss,
                    finalLoss - bestLoss, margin));
        }
        return forgetting;
    }

    /** The half-width of the difference of two accuracies whose intervals are taken as independent. */
    private static double combinedHalfWidth(TaskEvaluation a, TaskEvaluation b)
    {
        if (!a.interval().isKnown() || !b.interval().isKnown()) {
            return Double.NaN;
        }
        return Math.hypot(a.interval().halfWidth(), b.interval().halfWidth());
    }

    /**
     * The half-width of a 95% interval around {@link #meanAccuracyForgetting()}: the tasks' margins combined as
     * independent; empty when a task lacks one.
     */
    public OptionalDouble meanAccuracyForgettingMargin()
    {
        List<Forgetting> tasks = forgetting().stream().filter(task -> Double.isFinite(task.accuracyForgetting())).toList();
        if (tasks.isEmpty() || tasks.stream().anyMatch(task -> !Double.isFinite(task.accuracyForgettingMargin()))) {
            return OptionalDouble.empty();
        }
        double sumOfSquares = tasks.stream().mapToDouble(task -> task.accuracyForgettingMargin() * task.accuracyForgettingMargin()).sum();
        return OptionalDouble.of(Math.sqrt(sumOfSquares) / tasks.size());
    }

    /** The mean accuracy forgetting over the tasks that have a value; empty when none has. */
    public OptionalDouble meanAccuracyForgetting()
    {
        return forgetting().stream().mapToDouble(Forgetting::accuracyForgetting).filter(Double::isFinite).average();
    }

    /** The last evaluation of each task, by task name. */
    public Map<String, TaskEvaluation> finalResults()
    {
        Map<String, TaskEvaluation> results = new LinkedHashMap<>();
        for (String task : tasks) {
            for (int i = rows.size() - 1; i >= 0; i--) {
                Optional<TaskEvaluation> result = rows.get(i).result(task);
                if (result.isPresent()) {
                    results.put(task, result.get());
                    break;
                }
            }
        }
        return results;
    }
}
