package org.ernie4j.core.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.schedule.Stage;
import org.ernie4j.core.schedule.TaskSchedule;
import org.ernie4j.core.task.ActiveTask;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.example.Batch;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates every task introduced so far on its held-out examples, at the end of each stage of the schedule and, if
 * asked, every so many steps: the raw material of the forgetting matrix.
 */
public final class Evaluator
{
    private final ModelEngine engine;
    private final TaskSchedule schedule;
    private final List<ActiveTask> tasks;
    private final Map<String, List<Batch>> examples;
    private final long every;

    /**
     * @param examples each task's held-out batches, by task name; a task without any is not evaluated
     * @param every also evaluate every this many completed steps; 0 for stage ends only
     */
    public Evaluator(ModelEngine engine, TaskSchedule schedule, List<ActiveTask> tasks, Map<String, List<Batch>> examples, long every)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        this.examples = Map.copyOf(requireNonNull(examples, "examples is null"));
        this.every = every;
    }

    /** The fixed held-out batches of each task, built from held-out documents. */
    public static Map<String, List<Batch>> heldOutBatches(List<ActiveTask> tasks, DocumentSource heldOut, int examplesPerTask,
            int batchSize, int maxLength, int padId, long seed)
    {
        Map<String, List<Batch>> batches = new LinkedHashMap<>();
        for (ActiveTask task : tasks) {
            batches.put(task.name(), HeldOutExamples.of(task, heldOut, examplesPerTask, batchSize, maxLength, padId, seed));
        }
        return batches;
    }

    /** Whether an evaluation is due after {@code completed} steps. */
    public boolean due(long completed)
    {
        if (completed <= 0 || examples.values().stream().allMatch(List::isEmpty)) {
            return false;
        }
        if (every > 0 && completed % every == 0) {
            return true;
        }
        return schedule.stages().stream().anyMatch(stage -> stage.length() > 0 && stage.endStep() == completed);
    }

    /** Evaluates the tasks introduced before {@code completed} steps. */
    public List<TaskEvaluation> evaluate(long completed)
    {
        int stage = stageOf(completed - 1);
        List<TaskEvaluation> results = new ArrayList<>();
        for (int index = 0; index < tasks.size(); index++) {
            ActiveTask task = tasks.get(index);
            List<Batch> batches = examples.getOrDefault(task.name(), List.of());
            if (batches.isEmpty() || introducedAt(index) >= completed) {
                continue;
            }
            double lossSum = 0;
            long items = 0;
            long correct = 0;
            long scored = 0;
            for (Batch batch : batches) {
                Evaluation evaluation = engine.evaluate(task.head(), batch);
                // Batch losses are means over their own labelled items (examples, for a custom head): weight them back
                // into one mean over the whole set.
                long weight = evaluation.labelled() > 0 ? evaluation.labelled() : batch.size();
                lossSum += evaluation.loss() * weight;
                items += weight;
                correct += evaluation.correct();
                scored += evaluation.labelled();
            }
            double accuracy = scored == 0 ? Double.NaN : (double) correct / scored;
            results.add(new TaskEvaluation(completed, stage, task.name(), lossSum / items, accuracy, items));
        }
        return results;
    }

    /** The first step at which the schedule trains a task. */
    private long introducedAt(int task)
    {
        for (Stage stage : schedule.stages()) {
            if (stage.iterations().get(task) > 0) {
                return stage.firstStep();
            }
        }
        return Long.MAX_VALUE;
    }

    private int stageOf(long step)
    {
        for (Stage stage : schedule.stages()) {
            if (step >= stage.firstStep() && step < stage.endStep()) {
                return stage.index();
            }
        }
        return schedule.stages().size() - 1;
    }
}
