package org.ernie4j.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ernie4j.spi.TaskReporter;

import static java.util.Objects.requireNonNull;

/**
 * A {@link TaskReporter} that keeps what it is told, for assertions: how often each skip reason was reported, and every
 * distinct warning in the order of first report.
 *
 * <p>Not thread-safe: meant for one test at a time.
 */
public final class TestingTaskReporter
        implements TaskReporter
{
    private final Map<String, Integer> skips = new LinkedHashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    @Override
    public void skipped(String reason)
    {
        skips.merge(requireNonNull(reason, "reason is null"), 1, Integer::sum);
    }

    @Override
    public void warnOnce(String message)
    {
        warnings.add(requireNonNull(message, "message is null"));
    }

    /** How often a reason was reported, 0 if never. */
    public int skipCount(String reason)
    {
        return skips.getOrDefault(reason, 0);
    }

    /** All skips reported so far. */
    public int totalSkips()
    {
        return skips.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A copy of the skip counts by reason, in the order of first report. */
    public Map<String, Integer> skips()
    {
        return Collections.unmodifiableMap(new LinkedHashMap<>(skips));
    }

    /** The distinct warnings, in the order of first report. */
    public List<String> warnings()
    {
        return List.copyOf(warnings);
    }

    /** Forgets everything reported so far. */
    public void clear()
    {
        skips.clear();
        warnings.clear();
    }

    @Override
    public String toString()
    {
        return "TestingTaskReporter[skips " + skips + ", warnings " + warnings + "]";
    }
}
