package org.ernie4j.core.training.task;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.ernie4j.spi.TaskReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Counts a task's skips by reason and logs each distinct warning once.
 */
public final class CountingTaskReporter
        implements TaskReporter
{
    private static final Logger LOG = LoggerFactory.getLogger(CountingTaskReporter.class);

    private final String taskName;
    private final Map<String, LongAdder> skips = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public CountingTaskReporter(String taskName)
    {
        this.taskName = requireNonNull(taskName, "taskName is null");
    }

    @Override
    public void skipped(String reason)
    {
        skips.computeIfAbsent(requireNonNull(reason, "reason is null"), key -> new LongAdder()).increment();
    }

    @Override
    public void warnOnce(String message)
    {
        if (warned.add(requireNonNull(message, "message is null"))) {
            LOG.warn("task {}: {}", taskName, message);
        }
    }

    /** The skip counts so far, by reason, sorted. */
    public Map<String, Long> skipCounts()
    {
        Map<String, Long> counts = new TreeMap<>();
        skips.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }
}
