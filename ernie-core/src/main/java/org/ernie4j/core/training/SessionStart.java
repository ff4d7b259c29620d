package org.ernie4j.core.training;

import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.training.schedule.TaskSchedule;

/**
 * Where a session's state comes from: the seed (and pre-trained weights) of a new run, or the checkpoint of a run that
 * continues. A session is made in the order of these calls: the encoder's parameters before the engine that runs over
 * them, the tasks after it.
 */
sealed interface SessionStart
        permits FreshStart, CheckpointRestore
{
    /** The number of steps completed when the session begins. */
    long step();

    /** A new set of parameters holding the encoder's. */
    ModelParameters encoderParameters();

    /** Brings the run's tasks into {@code roster}, their heads into {@code parameters}. */
    void joinTasks(TaskRoster roster, ModelParameters parameters);

    /** The schedule the session begins with, given the schedule of the configuration's tasks alone. */
    TaskSchedule schedule(TaskRoster roster, TaskSchedule base);

    /** Sets the state the optimizer begins with. */
    void restoreOptimizer(Optimizer optimizer);
}
