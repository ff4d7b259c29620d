package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.support.Versions;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.training.schedule.ScheduleKind;
import org.ernie4j.runner.report.RegimeComparison;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie compare}: the paper's comparison of training regimes on the same tasks, data and step budget:
 * continual multi-task (ERNIE 2.0), sequential (one task per stage), and multi-task from scratch. Each regime trains in
 * its own run directory (an interrupted comparison resumes), then the side-by-side table and each regime's forgetting
 * matrix are written as Markdown.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train the configured tasks under several schedules (default: continual, sequential, multi-task) and compare "
                + "their held-out results and forgetting.")
final class CompareCommand
        implements Callable<Integer>
{
    private final ConfigLoader loader;
    private final CorpusPreparation preparation;
    private final PretrainingRun run;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOption config;

    @CommandLine.Mixin
    private RunDirectoryOption runDirectory;

    @CommandLine.Mixin
    private CorpusOptions corpus;

    @CommandLine.Option(names = "--regimes", split = ",", paramLabel = "KIND",
            description = "Schedules to compare (default: continual,sequential,multi-task).")
    private List<String> regimes = List.of("continual", "sequential", "multi-task");

    @CommandLine.Option(names = "--write", paramLabel = "FILE", description = "Also append the comparison to this Markdown file, such as docs/RESULTS.md.")
    private Path write;

    @Inject
    CompareCommand(ConfigLoader loader, CorpusPreparation preparation, PretrainingRun run)
    {
        this.loader = loader;
        this.preparation = preparation;
        this.run = run;
    }

    @Override
    public Integer call()
    {
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null;
        ErnieConfig configuration = config.load(loader);
        Path directory = runDirectory.resolve(config);
        // Mistakes first: preparing the corpus can take hours.
        List<ScheduleKind> kinds = new ArrayList<>();
        for (String regime : regimes) {
            try {
                kinds.add(ScheduleKind.fromConfigName(regime));
            }
            catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--regimes: " + e.getMessage());
            }
        }
        config.checkTasks(run, configuration, loader);
        PreparedCorpus prepared = preparation.prepareOrOpen(corpus.input(configuration, directory), corpus.prepared(directory),
                CorpusPreparation.options(configuration, false), new PrepareProgress(err, interactive));
        Map<String, ErnieConfig> regimeConfigurations = new LinkedHashMap<>();
        for (ScheduleKind kind : kinds) {
            regimeConfigurations.put(kind.configName(), configuration.withSchedule(configuration.schedule().withKind(kind)));
        }
        Map<String, RunRecords> records = new RunSeries(run, err, interactive).train(regimeConfigurations, prepared, directory);
        String markdown = header(configuration, prepared, directory) + new RegimeComparison(records).markdown();
        RunSeries.publish(markdown, directory.resolve("comparison.md"), write, spec.commandLine().getOut());
        return 0;
    }

    private String header(ErnieConfig configuration, PreparedCorpus prepared, Path directory)
    {
        List<String> tasks = configuration.tasks().stream().map(TaskSection::name).toList();
        var model = configuration.model();
        var training = configuration.training();
        return String.format("%n### Continual vs sequential vs multi-task, %s%n%n"
                        + "- command: `ernie compare%s --run-dir %s --regimes %s%s`%n"
                        + "- machine: %s; ernie4j %s, ND4J %s%n"
                        + "- corpus: %s (%d documents, %d word pieces), %.0f%% of documents held out for evaluation, %d examples per task%n"
                        + "- model: hidden %d, %d layers, %d heads, FFN %d; batch %d, sequence %d, learning rate %s, seed %d%n"
                        + "- tasks, in order of introduction: %s; %d iterations per task, %d steps per regime%n",
                LocalDate.now(), config.isDemo() ? "" : " --config " + config.file(), directory, String.join(",", regimes),
                write == null ? "" : " --write " + write, MachineDescription.describe(), Versions.ernie4j(), Versions.nd4j(),
                prepared.directory(), prepared.stats().documents(), prepared.stats().pieces(), 100 * configuration.evaluation().heldOut(),
                configuration.evaluation().examples(), model.hidden(), model.layers(), model.heads(), model.intermediate(), training.batchSize(),
                training.sequenceLength(), training.learningRate(), training.seed(), String.join(", ", tasks), training.stepsPerTask(),
                training.stepsPerTask() * tasks.size());
    }
}
