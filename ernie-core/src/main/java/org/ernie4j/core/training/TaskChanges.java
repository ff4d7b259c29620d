package org.ernie4j.core.training;

import java.time.Duration;
import java.util.List;

/**
 * Where a session learns about tasks that join or leave while it trains, such as a watched plugins folder.
 */
public interface TaskChanges
{
    /** No changes, ever. */
    TaskChanges NONE = new TaskChanges()
    {
        @Override
        public boolean pending()
        {
            return false;
        }

        @Override
        public List<TaskChange> take()
        {
            return List.of();
        }

        @Override
        public List<TaskChange> await(Duration timeout)
        {
            return List.of();
        }
    };

    /** Whether changes are waiting; asked after every step, so it must be cheap. */
    boolean pending();

    /** The waiting changes, in order; never blocks. */
    List<TaskChange> take();

    /** Waits up to {@code timeout} for changes (for a session that has finished its schedule and waits for new tasks). */
    List<TaskChange> await(Duration timeout)
            throws InterruptedException;
}
