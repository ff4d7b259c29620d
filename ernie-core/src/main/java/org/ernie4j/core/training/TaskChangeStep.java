package org.ernie4j.core.training;

import java.util.List;
import java.util.Optional;

import org.ernie4j.core.training.schedule.ScheduleTable;
import org.ernie4j.core.training.task.ActiveTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Takes the task changes that arrived during training at a step boundary: the stage they cut short is evaluated, a
 * checkpoint is written, each task joins or leaves the roster and the schedule, the listeners hear the new stage table,
 * and another checkpoint is written. A change that cannot be made is refused; training goes on without it.
 */
final class TaskChangeStep
{
    private static final Logger LOG = LoggerFactory.getLogger(TaskChangeStep.class);

    private final TaskRoster roster;
    private final StageBook stages;
    private final CheckpointWriter checkpoints;

    TaskChangeStep(TaskRoster roster, StageBook stages, CheckpointWriter checkpoints)
    {
        this.roster = requireNonNull(roster, "roster is null");
        this.stages = requireNonNull(stages, "stages is null");
        this.checkpoints = requireNonNull(checkpoints, "checkpoints is null");
    }

    /** Makes {@code changes} (nothing at all if there are none) at {@code step}, telling {@code listeners}. */
    void apply(long step, List<TaskChange> changes, List<TrainingListener> listeners)
    {
        if (changes.isEmpty()) {
            return;
        }
        stages.evaluateStageCutShort(step, listeners);
        checkpoints.save(step);
        for (TaskChange change : changes) {
            Optional<TaskRoster.Change> made;
            try {
                made = roster.change(change, stages.schedule(), step);
            }
            catch (RuntimeException e) {
                // A task that cannot join (bad settings, no free task id, a schedule that cannot grow) never stops training.
                LOG.error("at step {}: {}", step, e.getMessage());
                String reason = (change instanceof TaskChange.Join join ? "task " + join.task().name() + " cannot join: " : "") + e.getMessage();
                listeners.forEach(listener -> listener.onTaskRefused(step, reason));
                continue;
            }
            made.ifPresent(changed -> {
                stages.reschedule(changed.schedule());
                String table = ScheduleTable.format(changed.schedule(), roster.tasks().stream().map(ActiveTask::name).toList());
                LOG.info("at step {}: {}; the schedule is now:\n{}", step, changed.description(), table);
                listeners.forEach(listener -> listener.onTasksChanged(step, changed.description(), table));
            });
        }
        checkpoints.save(step);
    }
}
