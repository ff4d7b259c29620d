package org.ernie4j.core.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ernie4j.core.config.PluginsSection;
import org.ernie4j.core.training.TaskChange;
import org.ernie4j.core.training.TaskChanges;
import org.ernie4j.core.training.TaskSetup;
import org.ernie4j.core.training.plugin.PluginEvent;
import org.ernie4j.core.training.plugin.PluginException;
import org.ernie4j.core.training.plugin.PluginFolder;
import org.ernie4j.core.training.plugin.PluginJar;
import org.ernie4j.core.training.plugin.PluginWatcher;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The task plugins of a folder for one run: the jars present at start (opened at once, so that the configuration can
 * name their tasks and a resumed run can find them), and a watcher that turns jars arriving or leaving while training
 * runs into task changes. A refused jar is reported and ignored; it never stops training.
 */
final class PluginTasks
        implements TaskChanges, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PluginTasks.class);

    private final PluginsSection settings;
    private final Consumer<String> refusals;
    private final PluginWatcher watcher;
    // In the order the jars were taken (by file name at start), so that tasks found at start join, and get their ids,
    // in an order that `ernie tasks` and `ernie schedule` can show beforehand.
    private final Map<Path, List<String>> tasksOfJar = new LinkedHashMap<>();
    private final List<TaskChange> startupJoins = new ArrayList<>();
    private TaskCatalog catalog;

    /**
     * @param catalog the tasks on the class path
     * @param refusals hears a one-line message for every refused jar
     */
    PluginTasks(Path directory, PluginsSection settings, TaskCatalog catalog, ClassLoader host, Consumer<String> refusals)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.refusals = requireNonNull(refusals, "refusals is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        PluginFolder folder = new PluginFolder(directory);
        for (Path jar : folder.takeAll()) {
            try {
                accept(PluginJar.open(jar, host));
            }
            catch (PluginException e) {
                refuse(e);
            }
        }
        this.watcher = new PluginWatcher(folder, host, Duration.ofMillis(settings.scanIntervalMillis())).start();
    }

    /** The class path's tasks and those of the accepted jars. */
    TaskCatalog catalog()
    {
        return catalog;
    }

    /** The setup of a task from the folder, with its settings from {@code plugins.settings}. */
    TaskSetup setupOf(String name)
    {
        return new TaskSetup(catalog.get(name), new MapTaskSettings("plugins.settings." + name, settings.settingsOf(name)));
    }

    /**
     * Asks that every task found at start which the run does not have yet join at the first step boundary.
     */
    void joinTasksFoundAtStart(List<String> runTasks)
    {
        tasksOfJar.forEach((jar, names) -> names.stream()
                .filter(name -> !runTasks.contains(name))
                .forEach(name -> startupJoins.add(new TaskChange.Join(setupOf(name), jar.getFileName().toString()))));
    }

    @Override
    public synchronized boolean pending()
    {
        return !startupJoins.isEmpty() || watcher.hasEvents();
    }

    @Override
    public synchronized List<TaskChange> take()
    {
        List<TaskChange> changes = new ArrayList<>(startupJoins);
        startupJoins.clear();
        changes.addAll(changes(watcher.drain()));
        return changes;
    }

    @Override
    public List<TaskChange> await(Duration timeout)
            throws InterruptedException
    {
        List<PluginEvent> events = watcher.await(timeout);
        synchronized (this) {
            return changes(events);
        }
    }

    private List<TaskChange> changes(List<PluginEvent> events)
    {
        List<TaskChange> changes = new ArrayList<>();
        for (PluginEvent event : events) {
            if (event instanceof PluginEvent.Arrived arrived) {
                List<String> names = accept(arrived.plugin());
                names.forEach(name -> changes.add(new TaskChange.Join(setupOf(name), arrived.jar().getFileName().toString())));
            }
            else if (event instanceof PluginEvent.Refused refused) {
                refuse(refused.reason());
            }
            else if (event instanceof PluginEvent.Removed removed) {
                List<String> names = tasksOfJar.remove(removed.jar());
                if (names != null) {
                    names.forEach(name -> changes.add(new TaskChange.Retire(name, "its jar " + removed.jar().getFileName() + " was removed")));
                }
            }
        }
        return changes;
    }

    /** Adds a jar's tasks to the catalog, or refuses the whole jar when one of its names is taken. */
    private List<String> accept(PluginJar plugin)
    {
        List<PretrainingTask> tasks = plugin.tasks();
        try {
            catalog = catalog.with(tasks, plugin.path().getFileName().toString());
        }
        catch (IllegalStateException e) {
            plugin.close();
            refuse(new PluginException(plugin.path(), e.getMessage(), e));
            return List.of();
        }
        List<String> names = tasks.stream().map(task -> task.info().name()).toList();
        tasksOfJar.put(plugin.path(), names);
        LOG.info("plugin {} offers task(s) {}", plugin.path(), String.join(", ", names));
        return names;
    }

    private void refuse(PluginException e)
    {
        LOG.error(e.getMessage());
        refusals.accept(e.getMessage());
    }

    @Override
    public void close()
    {
        watcher.close();
    }
}
