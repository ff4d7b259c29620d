package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.run.AvailableTasks;
import org.ernie4j.core.training.schedule.ScheduleTable;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.spi.PretrainingTask;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie schedule}: the continual schedule's stage table for a configuration, before any training.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Print the continual multi-task schedule (stage, task, iterations) of a configuration, with the tasks of the plugins folder that join at the start.")
final class ScheduleCommand
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
        PrintWriter out = spec.commandLine().getOut();
        ConfigLoader loader = new ConfigLoader();
        ErnieConfig configuration = plugins.apply(config.load(loader));
        List<String> names = configuration.tasks().stream().map(TaskSection::name).toList();
        List<String> joining;
        try (AvailableTasks available = AvailableTasks.of(configuration, TaskCatalog.discover(Thread.currentThread().getContextClassLoader()),
                PretrainingTask.class.getClassLoader())) {
            joining = available.fromFolder().stream().filter(name -> !names.contains(name)).toList();
        }
        catch (ConfigException e) {
            throw config.located(e, loader);
        }
        TaskSchedule schedule = configuration.schedule().spec().create(names, configuration.training().stepsPerTask(),
                configuration.training().seed(), () -> {
                    throw new IllegalStateException("the " + configuration.schedule().kind() + " sampler depends on the tasks' data sizes,"
                            + " known only once the corpus is prepared; its table is printed when pretrain starts");
                });
        // As pretrain does: the plugins folder's other tasks join at the first step, each as the newest stage.
        for (int i = 0; i < joining.size(); i++) {
            schedule = schedule.withTaskAdded(0, configuration.training().stepsPerTask());
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(joining);
        out.printf("%s schedule: %d task(s), %d iterations each, %d steps in all%n", configuration.schedule().kind(), all.size(),
                configuration.training().stepsPerTask(), schedule.length());
        if (!joining.isEmpty()) {
            out.printf("from the plugins folder, joining at step 0: %s%n", String.join(", ", joining));
        }
        out.print(ScheduleTable.format(schedule, all));
        out.flush();
        return 0;
    }
}
