package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.schedule.ContinualSchedule;
import org.ernie4j.core.schedule.ScheduleTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        ContinualSchedule schedule = ContinualSchedule.of(names.size(), configuration.training().stepsPerTask(), configuration.training().seed());
        out.printf("continual schedule: %d task(s), %d iterations each, %d steps in all%n", names.size(),
                configuration.training().stepsPerTask(), schedule.length());
        out.print(ScheduleTable.format(schedule, names));
        out.flush();
        return 0;
    }
}
