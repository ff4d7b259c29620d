package org.ernie4j.core.training.checkpoint;

import static java.util.Objects.requireNonNull;

/**
 * A change of a run's tasks while it trained, recorded so that a resumed run rebuilds exactly the same schedule.
 *
 * @param kind {@code added} or {@code retired}
 * @param task the task's name
 * @param step the step boundary at which it happened
 */
public record ScheduleEvent(String kind, String task, long step)
{
    public static final String ADDED = "added";
    public static final String RETIRED = "retired";

    public ScheduleEvent
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(task, "task is null");
        if (!kind.equals(ADDED) && !kind.equals(RETIRED)) {
            throw new IllegalArgumentException("schedule event kind must be added or retired, not " + kind);
        }
    }
}
