package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.run.AvailableTasks;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.spi.PretrainingTask;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie tasks}: the tasks found on the class path and in the plugins folder, with family, the id each gets in
 * the configured run, and the jar a plugin task comes from.
 */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "List the discovered pre-training tasks with their family and the task id they get in the configured run.")
final class TasksCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOption config;

    @CommandLine.Mixin
    private PluginsOption plugins;

    @Override
    public Integer call()
    {
        ConfigLoader loader = new ConfigLoader();
        ErnieConfig configuration = plugins.apply(config.load(loader));
        TaskCatalog classPath = TaskCatalog.discover(Thread.currentThread().getContextClassLoader());
        try (AvailableTasks available = AvailableTasks.of(configuration, classPath, PretrainingTask.class.getClassLoader())) {
            list(configuration, available, spec.commandLine().getOut());
        }
        catch (ConfigException e) {
            throw config.located(e, loader);
        }
        return 0;
    }

    private static void list(ErnieConfig configuration, AvailableTasks available, PrintWriter out)
    {
        TaskCatalog catalog = available.catalog();
        // The ids a run gives: the configured tasks in order, then the folder's other tasks, which join at the first step.
        List<String> ids = new ArrayList<>(configuration.tasks().stream().map(TaskSection::name).toList());
        available.fromFolder().stream().filter(name -> !ids.contains(name)).forEach(ids::add);
        int width = Math.max(4, catalog.tasks().keySet().stream().mapToInt(String::length).max().orElse(4));
        out.printf("%-" + width + "s  %-15s  %-4s  %s%n", "task", "family", "id", "description");
        for (Map.Entry<String, PretrainingTask> entry : catalog.tasks().entrySet()) {
            int id = ids.indexOf(entry.getKey());
            String origin = catalog.origin(entry.getKey());
            out.printf("%-" + width + "s  %-15s  %-4s  %s%s%n", entry.getKey(), entry.getValue().info().family().displayName(),
                    id < 0 ? "-" : Integer.toString(id), entry.getValue().info().description(),
                    TaskCatalog.CLASS_PATH.equals(origin) ? "" : " (plugin " + origin + ")");
        }
        for (String name : ids) {
            if (!catalog.tasks().containsKey(name)) {
                out.printf("warning: the configuration names task '%s', which is neither on the class path nor in the plugins folder%n", name);
            }
        }
        available.refusals().forEach(refusal -> out.println("warning: refused " + refusal));
        out.println("ids are rows of the task embedding, assigned in the order of the configuration's tasks list, then to the plugins folder's"
                + " other tasks as they join; '-' = not in this run");
        out.flush();
    }
}
