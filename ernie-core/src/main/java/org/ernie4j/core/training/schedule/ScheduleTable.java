package org.ernie4j.core.training.schedule;

import java.util.List;

import org.ernie4j.core.PublicApi;

/**
 * Prints a schedule's stages as a plain-text table: one row per stage and task with its iterations and the stage's
 * steps.
 */
@PublicApi
public final class ScheduleTable
{
    private ScheduleTable()
    {
    }

    public static String format(TaskSchedule schedule, List<String> taskNames)
    {
        int width = Math.max(4, taskNames.stream().mapToInt(String::length).max().orElse(4));
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-6s %-" + width + "s %12s  %s%n", "stage", "task", "iterations", "steps"));
        for (Stage stage : schedule.stages()) {
            for (int task = 0; task < stage.iterations().size(); task++) {
                long iterations = stage.iterations().get(task);
                if (iterations > 0) {
                    table.append(String.format("%-6d %-" + width + "s %12d  %d-%d%n", stage.index(), taskNames.get(task), iterations,
                            stage.firstStep(), stage.endStep() - 1));
                }
            }
        }
        return table.toString();
    }
}
