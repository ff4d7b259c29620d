package org.ernie4j.runner;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ernie4j.core.run.RunRecords;
import org.ernie4j.runner.report.RunReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie report --run-dir DIR} (or {@code ernie report DIR}): an HTML page of the run (per-task loss curves, the forgetting matrix as heat maps) and the
 * same data as JSON and CSV.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Turn a run directory into an HTML report (loss curves, forgetting heat map) plus report.json and CSV files.")
final class ReportCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-d", "--run-dir"}, paramLabel = "DIR", description = "The run directory. Default: runs/demo.")
    private Path runDirectoryOption;

    // Kept beside --run-dir, which every other command has, so that `ernie report runs/demo` goes on working.
    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "The run directory, as --run-dir gives it.")
    private Path runDirectoryArgument;

    @CommandLine.Option(names = "--out", paramLabel = "DIR", description = "Where to write the report. Default: RUN_DIR/report.")
    private Path out;

    @Override
    public Integer call()
    {
        if (runDirectoryOption != null && runDirectoryArgument != null && !runDirectoryOption.equals(runDirectoryArgument)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "two run directories given: --run-dir " + runDirectoryOption + " and "
                    + runDirectoryArgument + "; give one");
        }
        Path runDirectory = runDirectoryOption != null ? runDirectoryOption : runDirectoryArgument != null ? runDirectoryArgument : Path.of("runs", "demo");
        Path html = new RunReport(RunRecords.read(runDirectory)).write(out != null ? out : runDirectory.resolve("report"));
        spec.commandLine().getOut().println("report " + html);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
