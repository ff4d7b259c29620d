package org.ernie4j.core.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.ernie4j.spi.PretrainingTask;

import static java.util.Objects.requireNonNull;

/**
 * The pre-training tasks found with {@link ServiceLoader}, by name. Two tasks with one name, or a service entry that
 * cannot be instantiated, are errors naming the classes involved.
 */
public final class TaskCatalog
{
    private final Map<String, PretrainingTask> tasks;

    private TaskCatalog(Map<String, PretrainingTask> tasks)
    {
        this.tasks = Collections.unmodifiableMap(tasks);
    }

    /** The tasks visible to a class loader (the class path, for the application class loader). */
    public static TaskCatalog discover(ClassLoader loader)
    {
        requireNonNull(loader, "loader is null");
        List<PretrainingTask> found = new ArrayList<>();
        try {
            ServiceLoader.load(PretrainingTask.class, loader).forEach(found::add);
        }
        catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a pre-training task could not be loaded: " + e.getMessage(), e);
        }
        return of(found);
    }

    /** A catalog of the given tasks. */
    public static TaskCatalog of(List<PretrainingTask> found)
    {
        Map<String, PretrainingTask> tasks = new TreeMap<>();
        for (PretrainingTask task : found) {
            String name = requireNonNull(task.info(), () -> task.getClass().getName() + ".info() returned null").name();
            PretrainingTask previous = tasks.putIfAbsent(name, task);
            if (previous != null) {
                throw new IllegalStateException("two tasks are named '" + name + "': " + previous.getClass().getName()
                        + " (" + codeSource(previous) + ") and " + task.getClass().getName() + " (" + codeSource(task) + ")");
            }
        }
        return new TaskCatalog(tasks);
    }

    /** The task named {@code name}, or an error listing the known tasks. */
    public PretrainingTask get(String name)
    {
        PretrainingTask task = tasks.get(name);
        if (task == null) {
            throw new IllegalArgumentException("no pre-training task named '" + name + "'; known tasks: " + String.join(", ", tasks.keySet()));
        }
        return task;
    }

    /** All tasks by name, sorted. */
    public Map<String, PretrainingTask> tasks()
    {
        return tasks;
    }

    private static String codeSource(PretrainingTask task)
    {
        var source = task.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown location" : source.getLocation().toString();
    }
}
