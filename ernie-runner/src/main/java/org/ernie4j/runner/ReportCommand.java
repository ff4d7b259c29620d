package org.ernie4j.runner;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ernie4j.core.report.RunReport;
import org.ernie4j.core.run.RunRecords;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ernie report RUN_DIR}: an HTML page of the run (per-task loss curves, the forgetting matrix as heat maps) and the
 * same data as JSON and CSV.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Turn a run directory into an HTML report (loss curves, forgetting heat map) plus report.json and CSV files.")
final class ReportCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory, such as runs/demo.")
    private Path runDirectory;

    @CommandLine.Option(names = "--out", paramLabel = "DIR", description = "Where to write the report. Default: RUN_DIR/report.")
    private Path out;

    @Override
    public Integer call()
    {
        Path html = new RunReport(RunRecords.read(runDirectory)).write(out != null ? out : runDirectory.resolve("report"));
        spec.commandLine().getOut().println("report " + html);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
