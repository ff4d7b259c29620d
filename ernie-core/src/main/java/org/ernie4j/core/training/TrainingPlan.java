package org.ernie4j.core.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;

import static java.util.Objects.requireNonNull;

/**
 * What a run trains: the tasks in order of introduction, their batches, the schedule that picks one per step, and
 * optionally a masked-LM task whose loss is added to every step of the others.
 *
 * @param seed the run seed (dropout of each step derives from it)
 */
public record TrainingPlan(TaskSchedule schedule, List<ActiveTask> tasks, Map<String, BatchSource> batches,
        Optional<ActiveTask> maskedLmEveryStep, long seed)
{
    public TrainingPlan
    {
        requireNonNull(schedule, "schedule is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        batches = Map.copyOf(requireNonNull(batches, "batches is null"));
        requireNonNull(maskedLmEveryStep, "maskedLmEveryStep is null");
        for (ActiveTask task : tasks) {
            if (!batches.containsKey(task.name())) {
                throw new IllegalArgumentException("task " + task.name() + " has no batches");
            }
        }
    }
}
