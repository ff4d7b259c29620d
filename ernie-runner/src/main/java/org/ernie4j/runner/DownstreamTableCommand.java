package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.ernie4j.runner.report.DownstreamRuns;
import org.ernie4j.runner.report.DownstreamTable;
import org.ernie4j.runner.report.DownstreamTrend;
import org.ernie4j.runner.report.PretrainingBudget;
import org.ernie4j.runner.report.PretrainingBudgetTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie downstream-table}: the table of an experiment's fine-tunings (docs/experiments/issue-20/run.sh writes
 * them), built only from finished runs.
 */
@Command(name = "downstream-table", mixinStandardHelpOptions = true,
        description = "Per dataset, checkpoint and arm: test accuracy and macro-F1 over seeds, and each arm's paired difference from a reference arm "
                + "with its 95%% t-interval, from finished fine-tunings only (RESULTS/DATASET/CHECKPOINT/ARM/seed-N/metrics.json); "
                + "then the same differences along the budget, one row per dataset and arm with a column per checkpoint.")
final class DownstreamTableCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--results", required = true, paramLabel = "DIR",
            description = "The fine-tunings' folder (DATASET/CHECKPOINT/ARM/seed-N); repeat it to add another, such as `ernie baseline`'s runs.")
    private List<Path> results;

    @CommandLine.Option(names = "--datasets", required = true, split = ",", paramLabel = "NAME", description = "Datasets, in table order.")
    private List<String> datasets;

    @CommandLine.Option(names = "--arms", required = true, split = ",", paramLabel = "ARM", description = "Arms, in table order.")
    private List<String> arms;

    @CommandLine.Option(names = "--reference", required = true, paramLabel = "ARM", description = "The arm every other is compared with.")
    private String reference;

    @CommandLine.Option(names = "--seeds", required = true, split = ",", paramLabel = "SEED", description = "The seeds every cell must have.")
    private List<Integer> seeds;

    @CommandLine.Option(names = "--checkpoints", split = ",", paramLabel = "NAME", defaultValue = "quarter,half,all",
            description = "Checkpoint fractions, in table order (default: ${DEFAULT-VALUE}).")
    private List<String> checkpoints;

    @CommandLine.Option(names = "--out", paramLabel = "FILE", description = "Also write the table to this file.")
    private Path out;

    @CommandLine.Option(names = "--pretraining", paramLabel = "DIR",
            description = "The arms' pre-training run directories (DIR/ARM): adds a table of each arm's steps, batches, input positions, "
                    + "real tokens and step time.")
    private Path pretraining;

    @Override
    public Integer call()
    {
        DownstreamRuns runs = DownstreamRuns.read(results);
        DownstreamTable layout = new DownstreamTable(datasets, checkpoints, arms, reference, seeds);
        String table = layout.markdown(runs)
                + "\nThe same cells along the budget:\n\n" + new DownstreamTrend(layout).markdown(runs);
        if (pretraining != null) {
            table += "\n" + PretrainingBudgetTable.markdown(budgets());
        }
        if (out != null) {
            try {
                Files.writeString(out, table, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out, e);
            }
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.print(table);
        writer.flush();
        return 0;
    }

    /** The budgets of the arms that were pre-trained (an arm without a run directory, such as no pre-training, has none). */
    private List<PretrainingBudget> budgets()
    {
        if (!Files.isDirectory(pretraining)) {
            throw new IllegalArgumentException("--pretraining " + pretraining + " is not a directory");
        }
        return arms.stream().filter(arm -> PretrainingBudget.isRun(pretraining.resolve(arm)))
                .map(arm -> PretrainingBudget.read(arm, pretraining.resolve(arm))).toList();
    }
}
