package org.ernie4j.runner;

import org.ernie4j.core.embed.ErnieCoreModule;
import org.ernie4j.core.engine.NativeEnvironment;

import com.google.inject.Guice;
import com.google.inject.Injector;
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
                WatchCommand.class,
                TasksCommand.class,
                ScheduleCommand.class,
                ReportCommand.class,
                CompareCommand.class,
                ProbeCommand.class,
                MarkersCommand.class,
                FinetuneCommand.class,
                BaselineCommand.class,
                EvaluateCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                DataCommand.class,
                DownstreamTableCommand.class,
                DoctorCommand.class,
                BenchmarkCommand.class,
                HelpCommand.class,
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

    /** The command line with its error handling and the core's services, for {@link #main} and for tests. */
    public static CommandLine commandLine()
    {
        Injector injector = Guice.createInjector(new ErnieCoreModule(Ernie.class.getClassLoader()));
        return new CommandLine(Ernie.class, new GuiceFactory(injector))
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
