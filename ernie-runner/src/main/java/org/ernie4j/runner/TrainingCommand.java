package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.ClaimedRun;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.run.ResumeMode;
import org.ernie4j.core.run.RunOutcome;
import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.training.TrainingListener;
import org.ernie4j.core.training.evaluate.ForgettingMatrix;
import org.ernie4j.runner.report.BaselineTable;
import org.ernie4j.spi.InvalidSettingException;

import picocli.CommandLine;

/**
 * What {@code ernie pretrain} and {@code ernie watch} share: prepare the corpus if needed, then train in a run
 * directory, continuing from its newest checkpoint, with task plugins from a folder if one is given.
 */
abstract class TrainingCommand
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

    @CommandLine.Option(names = "--resume", description = "Require a checkpoint to continue from (by default a run continues from its newest checkpoint if it has one).")
    private boolean resume;

    @CommandLine.Option(names = "--fresh", description = "Require a new run: refuse if the run directory holds checkpoints.")
    private boolean fresh;

    @CommandLine.Option(names = "--max-steps", paramLabel = "N", description = "Stop (with a checkpoint) after N more steps.")
    private Long maxSteps;

    @CommandLine.Mixin
    private PluginsOption plugins;

    @CommandLine.Option(names = "--spark", paramLabel = "MASTER",
            description = "Data-parallel training on Apache Spark: a master URL (local[2], spark://host:7077, yarn, ...), or 'submit' under spark-submit."
                    + " Each batch is split into shards that Spark's workers compute; the driver averages their gradients, applies the update and writes the checkpoints.")
    private String spark;

    @CommandLine.Option(names = "--spark-partitions", paramLabel = "N",
            description = "Shards per batch in Spark mode (default: Spark's default parallelism, the cores of the cluster).")
    private Integer sparkPartitions;

    @CommandLine.Option(names = "--spark-average-every", paramLabel = "K",
            description = "In Spark mode, 1 (the default) averages the shards' gradients every step; K > 1 lets each worker take K steps on its own"
                    + " shards with its own optimizer and averages parameters and optimizer moments every K steps: one Spark job per K steps.")
    private Integer sparkAverageEvery;

    TrainingCommand(ConfigLoader loader, CorpusPreparation preparation, PretrainingRun run)
    {
        this.loader = loader;
        this.preparation = preparation;
        this.run = run;
    }

    @Override
    public Integer call()
    {
        if (resume && fresh) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume and --fresh exclude each other");
        }
        if (maxSteps != null && maxSteps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-steps needs a positive number of steps, not " + maxSteps);
        }
        if (sparkPartitions != null && (spark == null || sparkPartitions < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spark-partitions needs --spark and a positive number");
        }
        if (sparkAverageEvery != null && (spark == null || sparkAverageEvery < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spark-average-every needs --spark and a positive number of steps");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null;
        ErnieConfig configuration = plugins.apply(config.load(loader));
        checkPlugins(configuration);
        // Spark first: a missing Spark or master is reported before minutes of corpus preparation.
        try (SparkMode distributed = SparkMode.open(spark, sparkPartitions, sparkAverageEvery == null ? 1 : sparkAverageEvery, err)) {
            prepareAndTrain(configuration, distributed, err, interactive);
        }
        catch (ConfigException | InvalidSettingException e) {
            throw config.located(e, loader);
        }
        return 0;
    }

    private void prepareAndTrain(ErnieConfig configuration, SparkMode distributed, PrintWriter err, boolean interactive)
    {
        Path directory = runDirectory.resolve(config);
        ResumeMode mode = resume ? ResumeMode.REQUIRED : fresh ? ResumeMode.FRESH : ResumeMode.AUTO;
        // Every check that does not need the corpus, and the lock, before the corpus is prepared: that can take hours.
        try (ClaimedRun claimed = distributed.apply(run).claim(configuration, directory, mode)) {
            Path input = corpus.input(configuration, directory);
            PreparedCorpus prepared = preparation.prepareOrOpen(input, corpus.prepared(directory),
                    CorpusPreparation.options(configuration, false), new PrepareProgress(err, interactive));
            train(claimed, prepared, directory, configuration, err, interactive);
        }
    }

    private void train(ClaimedRun claimed, PreparedCorpus prepared, Path directory, ErnieConfig configuration, PrintWriter err, boolean interactive)
    {
        double heldOut = configuration.evaluation().heldOut();
        String pluginsFolder = configuration.plugins().directory();
        err.printf("run directory %s, %d document(s), vocabulary of %d pieces%n", directory, prepared.stats().documents(),
                prepared.vocabulary().size());
        if (heldOut > 0 && prepared.stats().documents() < 2) {
            // Whole documents are held out, and training needs one: a one-document corpus has none to spare.
            err.printf("evaluation is off: evaluation.held-out is %s, but the corpus has %d document(s) and holding one out needs at least 2;"
                    + " nothing will be measured on held-out text%n", heldOut, prepared.stats().documents());
        }
        try (StopOnSignal stop = StopOnSignal.install(err)) {
            List<TrainingListener> listeners = waitForTasks()
                    ? List.of(new ProgressBar(err, interactive, 20), new WaitingNotice(err, pluginsFolder))
                    : List.of(new ProgressBar(err, interactive, 20));
            RunOutcome outcome = claimed.run(prepared, maxSteps == null ? Long.MAX_VALUE : maxSteps, listeners, stop::training, waitForTasks());
            report(outcome, spec.commandLine().getOut());
            reportHeldOut(directory, config.isDemo(), spec.commandLine().getOut());
        }
    }

    /** Whether to keep waiting for new task jars when the schedule is done. */
    abstract boolean waitForTasks();

    /** A chance to refuse a configuration before anything runs. */
    void checkPlugins(ErnieConfig configuration)
    {
    }

    /**
     * The last held-out figure of every task, beside its baselines: what the run learned, at a glance; after the demo,
     * also what to change for a real run.
     */
    private static void reportHeldOut(Path directory, boolean demo, PrintWriter out)
    {
        ForgettingMatrix matrix = ForgettingMatrix.of(RunRecords.read(directory).evaluations());
        if (matrix.isEmpty()) {
            return;
        }
        out.println();
        out.println("held-out accuracy at the last evaluation, against what the layout and the majority label give:");
        out.print(BaselineTable.markdown(matrix.finalResults().values()));
        if (demo) {
            out.println("This was the demo: a 2-layer, 128-wide encoder, briefly trained on 20 addresses. For a real run give --config with your"
                    + " corpus, a larger model and more steps per task (README, Configuration), and check first with `ernie probe` that each"
                    + " task learns on your text.");
        }
        out.flush();
    }

    private static void report(RunOutcome outcome, PrintWriter out)
    {
        out.printf("%s at step %d of %d%s%n", outcome.finished() ? "finished" : "stopped", outcome.completedSteps(), outcome.totalSteps(),
                outcome.startedAt() > 0 ? " (resumed at step " + outcome.startedAt() + ")" : "");
        outcome.lastCheckpoint().ifPresent(checkpoint -> out.println("checkpoint " + checkpoint));
        for (Map.Entry<String, Map<String, Long>> task : outcome.skips().entrySet()) {
            task.getValue().forEach((reason, count) -> out.printf("task %s skipped %d input(s): %s%n", task.getKey(), count, reason));
        }
        out.flush();
    }
}
