package org.ernie4j.runner;

import org.ernie4j.core.backend.NativeEnvironment;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ernie} command line. The only place that knows about command-line arguments.
 */
@Command(name = "ernie",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "ERNIE 2.0-style continual multi-task pre-training on the JVM.",
        subcommands = {
                PrepareCommand.class,
                PretrainCommand.class,
                TasksCommand.class,
                ScheduleCommand.class,
                DoctorCommand.class,
                BenchmarkCommand.class,
        })
public final class Ernie
        implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args)
    {
        // Before anything loads ND4J: the native libraries read these variables once, when they load.
        NativeEnvironment.prepare();
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, for {@link #main} and for tests. */
    public static CommandLine commandLine()
    {
        return new CommandLine(new Ernie())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
