package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.ScheduleSection;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.support.Versions;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.training.StepRecord;
import org.ernie4j.runner.report.ProbeTable;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie probe}: does each task teach the encoder anything on this corpus? Trains every configured task alone,
 * from scratch, for the same budget, evaluates it on its held-out set at evenly spaced points, and prints each task's
 * learning curve beside its majority-label and layout-only baselines, flagging every task whose final accuracy does not
 * clear its best baseline by more than its 95% interval. Each task trains in {@code RUN_DIR/<task>} (an interrupted
 * probe resumes where it stopped).
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Train each configured task alone from scratch (or from training.initialize-from) and show its held-out learning curve against its baselines; flags tasks "
                + "that do not beat their best baseline by more than their interval.")
final class ProbeCommand
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

    @CommandLine.Option(names = "--steps", paramLabel = "N", description = "Training steps for each task (default: training.steps-per-task).")
    private Long steps;

    @CommandLine.Option(names = "--points", paramLabel = "K", description = "Held-out evaluations along each task's run (default: 5).")
    private int points = 5;

    @CommandLine.Option(names = "--tasks", split = ",", paramLabel = "TASK", description = "Probe only these of the configured tasks.")
    private List<String> only;

    @CommandLine.Option(names = "--write", paramLabel = "FILE", description = "Also append the result to this Markdown file, such as docs/RESULTS.md.")
    private Path write;

    @Inject
    ProbeCommand(ConfigLoader loader, CorpusPreparation preparation, PretrainingRun run)
    {
        this.loader = loader;
        this.preparation = preparation;
        this.run = run;
    }

    @Override
    public Integer call()
    {
        ErnieConfig configuration = config.load(loader);
        long budget = steps == null ? configuration.training().stepsPerTask() : steps;
        if (budget < 1 || points < 1 || points > budget) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--steps must be positive and --points between 1 and the steps: "
                    + budget + " steps, " + points + " points");
        }
        if (configuration.evaluation().heldOut() == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the probe measures held-out accuracy, but evaluation.held-out is 0 in "
                    + config.describe());
        }
        List<TaskSection> tasks = chosenTasks(configuration);
        // Mistakes first: preparing the corpus can take hours.
        config.checkTasks(run, configuration, loader);
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null;
        Path directory = runDirectory.resolve(config);
        PreparedCorpus prepared = preparation.prepareOrOpen(corpus.input(configuration, directory), corpus.prepared(directory),
                CorpusPreparation.options(configuration, false), new PrepareProgress(err, interactive));
        Map<String, ErnieConfig> alone = new LinkedHashMap<>();
        tasks.forEach(task -> alone.put(task.name(), alone(configuration, task, budget)));
        Map<String, RunRecords> records = new RunSeries(run, err, interactive).train(alone, prepared, directory);
        String markdown = header(configuration, prepared, directory, budget, records) + new ProbeTable(records).markdown();
        RunSeries.publish(markdown, directory.resolve("probe.md"), write, spec.commandLine().getOut());
        return 0;
    }

    /**
     * The configuration of one task trained alone: only that task (with its settings), the whole budget on it, no
     * masked-LM loss borrowed from another task, and held-out evaluations at evenly spaced steps.
     */
    private ErnieConfig alone(ErnieConfig configuration, TaskSection task, long budget)
    {
        return configuration.withTasks(List.of(task))
                .withSchedule(ScheduleSection.defaults())
                .withTraining(configuration.training().withStepsPerTask(budget))
                .withEvaluation(configuration.evaluation().withEvery(Math.max(1, budget / points)));
    }

    private List<TaskSection> chosenTasks(ErnieConfig configuration)
    {
        if (only == null) {
            return configuration.tasks();
        }
        List<TaskSection> chosen = new ArrayList<>();
        for (String name : only) {
            TaskSection task = configuration.tasks().stream().filter(section -> section.name().equals(name)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--tasks: " + name + " is not a task of "
                            + config.describe() + "; its tasks are " + configuration.tasks().stream().map(TaskSection::name).toList()));
            chosen.add(task);
        }
        return chosen;
    }

    private String header(ErnieConfig configuration, PreparedCorpus prepared, Path directory, long budget, Map<String, RunRecords> records)
    {
        var model = configuration.model();
        var training = configuration.training();
        StringBuilder times = new StringBuilder();
        records.forEach((task, taskRecords) -> times.append(times.length() == 0 ? "" : ", ").append(task).append(' ')
                .append(String.format(Locale.ROOT, "%.0f s", taskRecords.steps().stream().mapToDouble(StepRecord::seconds).sum())));
        return String.format(Locale.ROOT, "%n### Learnability probe, %s%n%n"
                        + "- command: `ernie probe%s --run-dir %s --steps %d --points %d%s%s`%n"
                        + "- machine: %s; ernie4j %s, ND4J %s%n"
                        + "- corpus: %s (%d documents, %d word pieces), %.0f%% of documents held out, up to %d held-out examples per task%n"
                        + "- model: hidden %d, %d layers, %d heads, FFN %d; batch %d, sequence %d, learning rate %s, seed %d%n"
                        + "- each task trained alone from %s for %d steps; training time (sum of step times): %s%n",
                LocalDate.now(), config.isDemo() ? "" : " --config " + config.file(), directory, budget, points,
                only == null ? "" : " --tasks " + String.join(",", only), write == null ? "" : " --write " + write, MachineDescription.describe(),
                Versions.ernie4j(), Versions.nd4j(), prepared.directory(), prepared.stats().documents(), prepared.stats().pieces(),
                100 * configuration.evaluation().heldOut(), configuration.evaluation().examples(), model.hidden(), model.layers(), model.heads(),
                model.intermediate(), training.batchSize(), training.sequenceLength(), training.learningRate(), training.seed(),
                // A probe from pre-trained weights measures what a task adds to them, not what it learns alone: say which.
                training.initializeFrom() == null ? "scratch" : "the weights of " + training.initializeFrom() + " (training.initialize-from)", budget,
                times);
    }
}
