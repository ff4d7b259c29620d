package org.ernie4j.spi;

/**
 * Where a task tells the user what it skipped and what it had to work around. The core counts and prints these; tasks
 * should never print to standard output themselves.
 */
public interface TaskReporter
{
    /**
     * Counts one skipped input under a short, stable reason, such as {@code "document has a single sentence"}.
     */
    void skipped(String reason);

    /**
     * Logs a warning once per run, however often it is called with the same message.
     */
    void warnOnce(String message);
}
