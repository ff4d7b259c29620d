package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.schedule.ScheduleTable;
import org.ernie4j.core.schedule.TaskSchedule;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ernie schedule}: the continual schedule's stage table for a configuration, before any training.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Print the continual multi-task schedule (stage, task, iterations) of a configuration.")
final class ScheduleCommand
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
        List<String> names = configuration.tasks().stream().map(TaskSection::name).toList();
        TaskSchedule schedule = configuration.schedule().spec().create(names, configuration.training().stepsPerTask(),
                configuration.training().seed(), () -> {
                    throw new IllegalStateException("the " + configuration.schedule().kind() + " sampler depends on the tasks' data sizes,"
                            + " known only once the corpus is prepared; its table is printed when pretrain starts");
                });
        out.printf("%s schedule: %d task(s), %d iterations each, %d steps in all%n", configuration.schedule().kind(), names.size(),
                configuration.training().stepsPerTask(), schedule.length());
        out.print(ScheduleTable.format(schedule, names));
        out.flush();
        return 0;
    }
}
