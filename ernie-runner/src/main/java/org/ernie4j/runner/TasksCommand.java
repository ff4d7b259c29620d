package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.task.TaskCatalog;
import org.ernie4j.spi.PretrainingTask;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ernie tasks}: the tasks found on the class path, with family, the id each gets in the configured run, and
 * where it comes from.
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

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        ErnieConfig configuration = config.load(new ConfigLoader());
        TaskCatalog catalog = TaskCatalog.discover(Thread.currentThread().getContextClassLoader());
        List<String> configured = configuration.tasks().stream().map(TaskSection::name).toList();
        int width = Math.max(4, catalog.tasks().keySet().stream().mapToInt(String::length).max().orElse(4));
        out.printf("%-" + width + "s  %-15s  %-4s  %s%n", "task", "family", "id", "description");
        for (Map.Entry<String, PretrainingTask> entry : catalog.tasks().entrySet()) {
            int id = configured.indexOf(entry.getKey());
            out.printf("%-" + width + "s  %-15s  %-4s  %s%n", entry.getKey(), entry.getValue().info().family().displayName(),
                    id < 0 ? "-" : Integer.toString(id), entry.getValue().info().description());
        }
        for (String name : configured) {
            if (!catalog.tasks().containsKey(name)) {
                out.printf("warning: the configuration names task '%s', which is not on the class path%n", name);
            }
        }
        out.println("ids are rows of the task embedding, assigned in the order of the configuration's tasks list; '-' = not in this run");
        out.flush();
        return 0;
    }
}
