package org.ernie4j.core.training.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.PretrainingTask;

import static java.util.Objects.requireNonNull;

/**
 * The pre-training tasks found with {@link ServiceLoader}, by name. Two tasks with one name, or a service entry that
 * cannot be instantiated, are errors naming the classes involved.
 */
@PublicApi
public final class TaskCatalog
{
    /** Where the tasks on the class path come from. */
    public static final String CLASS_PATH = "class path";

    private final Map<String, PretrainingTask> tasks;
    private final Map<String, String> origins;

    private TaskCatalog(Map<String, PretrainingTask> tasks, Map<String, String> origins)
    {
        this.tasks = Collections.unmodifiableMap(tasks);
        this.origins = Collections.unmodifiableMap(origins);
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

    /** A catalog of the given tasks, all from the class path. */
    public static TaskCatalog of(List<PretrainingTask> found)
    {
        Map<String, PretrainingTask> tasks = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        for (PretrainingTask task : found) {
            String name = requireNonNull(task.info(), () -> task.getClass().getName() + ".info() returned null").name();
            PretrainingTask previous = tasks.putIfAbsent(name, task);
            if (previous != null) {
                throw new IllegalStateException("two tasks are named '" + name + "': " + previous.getClass().getName()
                        + " (" + codeSource(previous) + ") and " + task.getClass().getName() + " (" + codeSource(task) + ")");
            }
            origins.put(name, CLASS_PATH);
        }
        return new TaskCatalog(tasks, origins);
    }

    /**
     * This catalog with the tasks of a plugin jar, or an error naming the jar, the class and the task it would shadow
     * when one of its task names is taken.
     *
     * @param origin where the tasks come from, such as the jar's file name
     */
    public TaskCatalog with(List<PretrainingTask> added, String origin)
    {
        Map<String, PretrainingTask> merged = new TreeMap<>(tasks);
        Map<String, String> mergedOrigins = new TreeMap<>(origins);
        for (PretrainingTask task : added) {
            String name = task.info().name();
            if (merged.containsKey(name)) {
                throw new IllegalStateException("task '" + name + "' of " + task.getClass().getName() + " in " + origin
                        + " has the name of a task already loaded from " + mergedOrigins.get(name) + " (" + merged.get(name).getClass().getName() + ")");
            }
            merged.put(name, task);
            mergedOrigins.put(name, origin);
        }
        return new TaskCatalog(merged, mergedOrigins);
    }

    /** Where a task comes from: {@link #CLASS_PATH} or a plugin jar. */
    public String origin(String name)
    {
        get(name);
        return origins.get(name);
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
