package org.ernie4j.core.training.schedule;

import java.util.List;

import org.ernie4j.core.PublicApi;

/**
 * Which task trains at each step of a run. A schedule is a pure function of its inputs: it can be printed before any
 * training and recomputed exactly when a run resumes.
 */
@PublicApi
public interface TaskSchedule
{
    /** The number of steps. */
    long length();

    /** The index (in order of introduction) of the task that trains at {@code step}, {@code 0 <= step < length()}. */
    int taskAt(long step);

    /** The stages, in order, with the iterations of each task in each. */
    List<Stage> stages();

    /**
     * This schedule with one more task (the last index), joining at {@code step}: the steps before it stay exactly as
     * they were. Only schedules made of stages can grow while training runs.
     *
     * @param iterations the new task's budget
     * @throws UnsupportedOperationException for sampled schedules
     */
    default TaskSchedule withTaskAdded(long step, long iterations)
    {
        throw new UnsupportedOperationException("a " + getClass().getSimpleName() + " cannot take a new task while training runs;"
                + " use a continual, sequential or multi-task schedule");
    }

    /**
     * This schedule without the remaining iterations of {@code task} from {@code step} on: the steps before it stay
     * exactly as they were, other tasks keep their budgets.
     *
     * @throws UnsupportedOperationException for sampled schedules
     */
    default TaskSchedule withTaskRetired(long step, int task)
    {
        throw new UnsupportedOperationException("a " + getClass().getSimpleName() + " cannot drop a task while training runs;"
                + " use a continual, sequential or multi-task schedule");
    }

    /** The number of tasks the schedule knows (introduced or not). */
    default int taskCount()
    {
        return stages().get(0).iterations().size();
    }
}
