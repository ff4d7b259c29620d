package org.ernie4j.core.schedule;

import java.util.List;

/**
 * Which task trains at each step of a run. A schedule is a pure function of its inputs: it can be printed before any
 * training and recomputed exactly when a run resumes.
 */
public interface TaskSchedule
{
    /** The number of steps. */
    long length();

    /** The index (in order of introduction) of the task that trains at {@code step}, {@code 0 <= step < length()}. */
    int taskAt(long step);

    /** The stages, in order, with the iterations of each task in each. */
    List<Stage> stages();
}
