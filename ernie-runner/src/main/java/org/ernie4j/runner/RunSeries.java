package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.run.ResumeMode;
import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.runner.report.RunReport;

import static java.util.Objects.requireNonNull;

/**
 * What {@code compare} and {@code probe} share: several configurations trained one after the other on one prepared
 * corpus, each in a folder of its own (so an interrupted series resumes where it stopped) and each given its report;
 * then their Markdown, printed, kept in the series' folder and, if asked, appended to a results file.
 */
final class RunSeries
{
    private final PretrainingRun run;
    private final PrintWriter err;
    private final boolean interactive;

    RunSeries(PretrainingRun run, PrintWriter err, boolean interactive)
    {
        this.run = requireNonNull(run, "run is null");
        this.err = requireNonNull(err, "err is null");
        this.interactive = interactive;
    }

    /**
     * Trains each configuration in {@code directory/<name>} (continuing a run that is there) and returns the records of
     * each, by name, in order.
     */
    Map<String, RunRecords> train(Map<String, ErnieConfig> configurations, PreparedCorpus prepared, Path directory)
    {
        Map<String, RunRecords> records = new LinkedHashMap<>();
        configurations.forEach((name, configuration) -> {
            Path runDirectory = directory.resolve(name);
            err.printf("== %s, in %s%n", name, runDirectory);
            run.run(configuration, prepared, runDirectory, ResumeMode.AUTO, Long.MAX_VALUE, List.of(new ProgressBar(err, interactive, 100)),
                    session -> { });
            RunRecords runRecords = RunRecords.read(runDirectory);
            new RunReport(runRecords).write(runDirectory.resolve("report"));
            records.put(name, runRecords);
        });
        return records;
    }

    /** Prints the Markdown, writes it to {@code file} and appends it to {@code write} when that is given. */
    static void publish(String markdown, Path file, Path write, PrintWriter out)
    {
        out.print(markdown);
        TextFiles.write(file, markdown, false);
        if (write != null) {
            TextFiles.write(write, markdown, true);
            out.println("appended to " + write);
        }
        out.flush();
    }
}
