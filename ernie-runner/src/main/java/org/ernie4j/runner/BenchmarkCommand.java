package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.engine.BlasProbe;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.engine.execution.SgemmPeaks;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.support.DirectoryTree;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.training.SessionSetup;
import org.ernie4j.core.training.StepComputer;
import org.ernie4j.core.training.TrainingSettings;
import org.ernie4j.core.training.benchmark.BenchmarkResult;
import org.ernie4j.core.training.benchmark.DataWait;
import org.ernie4j.core.training.benchmark.LabelThroughput;
import org.ernie4j.core.training.benchmark.StepBenchmark;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.runner.benchmark.BenchmarksFile;
import org.ernie4j.runner.benchmark.DataWaitReport;
import org.ernie4j.runner.benchmark.LabelRateReport;
import org.ernie4j.runner.benchmark.Provenance;
import org.ernie4j.runner.benchmark.ResidentMemoryReport;
import org.ernie4j.runner.benchmark.StepReport;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.document.DocumentSource;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie benchmark}: median training-step time, tokens/s and peak memory of the reference configuration, printed
 * and appended to {@code docs/BENCHMARKS.md} with the machine, date and command.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, subcommands = {InferenceBenchmarkCommand.class, CorpusSizeCommand.class, ProductsBenchmarkCommand.class},
        description = "Time masked-LM training steps of the reference configuration (vocab 8000, hidden 256, 4 layers, 4 heads, "
                + "FFN 1024, sequence 128, batch 32) and record the figures.")
final class BenchmarkCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @CommandLine.Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @CommandLine.Mixin
    private EngineOptions engine;

    @CommandLine.Mixin
    private ThreadsOption threads;

    @CommandLine.Option(names = "--write", paramLabel = "FILE",
            description = "Append the results to this Markdown file, such as docs/BENCHMARKS.md.")
    private Path write;

    @CommandLine.Option(names = "--labels", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure each task's label generation from prepared shards of the demo corpus (default: ${DEFAULT-VALUE}).")
    private boolean labels;

    @CommandLine.Option(names = "--prepared", paramLabel = "DIR", defaultValue = "runs/benchmark/prepared",
            description = "Where the demo corpus is prepared for the label measurement (default: ${DEFAULT-VALUE}).")
    private Path prepared;

    /** The model shapes the step benchmark knows by name. */
    enum Shape
    {
        REFERENCE, MINILM;

        String commandName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @CommandLine.Option(names = "--shape", paramLabel = "SHAPE", defaultValue = "REFERENCE",
            description = "The model: reference (vocab 8000, hidden 256, 4 layers, 4 heads) or minilm (all-MiniLM-L6-v2's shape: vocab 30522,"
                    + " hidden 384, 6 layers, 12 heads, up to 512 positions); default: reference. --hidden scales the reference only.")
    private Shape shape;

    @CommandLine.Option(names = "--hidden", paramLabel = "H", defaultValue = "256",
            description = "Width of the model (heads H/64, feed-forward 4H; default: ${DEFAULT-VALUE}, the reference).")
    private int hidden;

    @CommandLine.Option(names = "--sequence", paramLabel = "S", defaultValue = "128",
            description = "Positions per example (default: ${DEFAULT-VALUE}, the reference).")
    private int sequence;

    @CommandLine.Option(names = "--rss-every", paramLabel = "N", defaultValue = "0",
            description = "Sample the resident memory after every N timed steps and report whether it stays flat; 0 never "
                    + "(default: ${DEFAULT-VALUE}).")
    private int rssEvery;

    @CommandLine.Option(names = "--data-steps", paramLabel = "N", defaultValue = "30",
            description = "Also train N steps of every task on the class path (multi-task schedule, reference model, demo corpus) with "
                    + "batches built when needed and with batches built ahead, and report how long steps wait for data; 0 skips "
                    + "(default: ${DEFAULT-VALUE}).")
    private int dataSteps;

    @CommandLine.Option(names = "--spark", paramLabel = "MASTER",
            description = "Measure what Spark adds to a step instead: the reference step in this JVM and through Spark (such as local[2]), in turns, per batch size.")
    private String spark;

    @CommandLine.Option(names = "--spark-partitions", paramLabel = "N", description = "Shards per batch with --spark (default: Spark's default parallelism).")
    private Integer sparkPartitions;

    @CommandLine.Option(names = "--batch-sizes", paramLabel = "B,B,...", split = ",", defaultValue = "8,32,128",
            description = "Batch sizes to measure with --spark (default: ${DEFAULT-VALUE}).")
    private List<Integer> batchSizes;

    @CommandLine.Option(names = "--spark-average-every", paramLabel = "K,K,...", split = ",", defaultValue = "1",
            description = "With --spark, the averaging intervals to measure: 1 averages gradients every step, K > 1 parameters every K local steps"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<Integer> averageEvery;

    private final CorpusPreparation preparation;
    private final TaskCatalog catalog;
    private final PretrainingRun run;

    @Inject
    BenchmarkCommand(CorpusPreparation preparation, TaskCatalog catalog, PretrainingRun run)
    {
        this.preparation = preparation;
        this.catalog = catalog;
        this.run = run;
    }

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        EngineKind requested = engine.kind();
        List<String> environment = NativeEnvironment.prepare();
        EngineKind kind = Execution.resolve(requested);
        double sgemm = BlasProbe.sgemmGflops(1024, 7);
        Optional<SgemmPeaks> peaks = kind == EngineKind.FUSED ? Optional.of(SgemmPeaks.measure(threads.threads(), 1024, 9)) : Optional.empty();
        StepBenchmark benchmark = scaledBenchmark();
        if (spark != null) {
            return sparkOverhead(benchmark, requested, out);
        }
        out.printf(Locale.ROOT, "%s engine (%d threads); sgemm 1024: %.1f GFLOP/s; timing %d steps after %d warm-up steps...%n",
                kind.configName(), kind == EngineKind.FUSED ? threads.threads() : 1, sgemm, steps, warmup);
        out.flush();
        BenchmarkResult result = benchmark.run(requested, threads.threads(), warmup, steps, rssEvery, StepComputer.Factory.LOCAL);
        String report = new StepReport(result, sgemm, peaks, Provenance.now(commandLine(), MachineDescription.describe(), environment)).markdown();
        if (!result.residentTrace().isEmpty()) {
            report += new ResidentMemoryReport(result.residentTrace(), rssEvery, steps).markdown();
        }
        if (labels) {
            PreparedCorpus corpus = demoCorpus();
            report += new LabelRateReport(LabelThroughput.measure(demoTasks(corpus, result.sequenceLength()), corpus.documents(), 1, 5.0),
                    result.tokensPerSecond()).markdown();
        }
        if (dataSteps > 0) {
            out.printf(Locale.ROOT, "training %d steps of every task, batches built when needed and built ahead...%n", dataSteps);
            out.flush();
            report += new DataWaitReport(measureDataWait(kind), dataSteps, List.copyOf(catalog.tasks().keySet())).markdown();
        }
        print(report, out);
        return 0;
    }

    /** Prints {@code report} and appends it to the file of {@code --write}, if given. */
    private void print(String report, PrintWriter out)
    {
        out.print(report);
        out.flush();
        if (write != null) {
            new BenchmarksFile(write).append(report);
            out.println("appended to " + write);
        }
    }

    /** The command line that measures the reference step the same way again. */
    private String commandLine()
    {
        return "ernie benchmark " + engine.commandLine() + threads.commandLine() + " --steps " + steps + " --warmup " + warmup
                + (shape == Shape.REFERENCE ? "" : " --shape " + shape.commandName())
                + (hidden == 256 ? "" : " --hidden " + hidden) + (sequence == 128 ? "" : " --sequence " + sequence)
                + (rssEvery == 0 ? "" : " --rss-every " + rssEvery) + (labels ? "" : " --no-labels")
                + (dataSteps == 30 ? "" : " --data-steps " + dataSteps) + (write == null ? "" : " --write " + write);
    }

    private StepBenchmark scaledBenchmark()
    {
        if (rssEvery < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rss-every must not be negative");
        }
        try {
            if (shape == Shape.MINILM) {
                if (hidden != 256) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--hidden scales the reference shape; --shape minilm has"
                            + " all-MiniLM-L6-v2's width (384)");
                }
                return StepBenchmark.miniLm(sequence);
            }
            return hidden == 256 && sequence == 128 ? StepBenchmark.reference() : StepBenchmark.scaled(hidden, sequence);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden/--sequence: " + e.getMessage());
        }
    }

    private int sparkOverhead(StepBenchmark benchmark, EngineKind requested, PrintWriter out)
    {
        if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(size -> size < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-sizes must be positive numbers");
        }
        if (averageEvery.isEmpty() || averageEvery.stream().anyMatch(k -> k < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spark-average-every must be positive numbers of steps");
        }
        try (SparkMode mode = SparkMode.open(spark, sparkPartitions, 1, out)) {
            SparkOverhead overhead = new SparkOverhead(benchmark, requested, threads.threads(), warmup, steps);
            List<SparkOverhead.Row> rows = overhead.measure(mode, batchSizes, averageEvery, out);
            String command = "ernie benchmark --spark " + spark + (sparkPartitions == null ? "" : " --spark-partitions " + sparkPartitions)
                    + " --batch-sizes " + batchSizes.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " --spark-average-every " + averageEvery.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " " + engine.commandLine() + threads.commandLine() + " --steps " + steps + " --warmup " + warmup
                    + (write == null ? "" : " --write " + write);
            print(SparkOverhead.report(rows, mode, command, threads.threads(), mode.workerThreads()), out);
        }
        return 0;
    }

    /** The demo corpus, prepared once into {@link #prepared} with the reference vocabulary size. */
    private PreparedCorpus demoCorpus()
    {
        return demoCorpus(preparation, prepared);
    }

    /** The demo corpus, prepared once into {@code prepared} with the reference vocabulary size (8000 pieces). */
    static PreparedCorpus demoCorpus(CorpusPreparation preparation, Path prepared)
    {
        ConfigLoader loader = new ConfigLoader();
        ErnieConfig config = loader.parse("vocabulary:\n  size: 8000\n", "benchmark");
        Path corpus = DemoCorpus.extract(prepared.toAbsolutePath().resolveSibling("demo-corpus"));
        return preparation.prepareOrOpen(corpus, prepared, CorpusPreparation.options(config, false), PrepareListener.NONE);
    }

    /** Every task on the class path with its default settings, at the reference sequence length. */
    private List<ActiveTask> demoTasks(PreparedCorpus corpus, int sequenceLength)
    {
        List<ActiveTask> tasks = new ArrayList<>();
        int id = 0;
        for (String name : catalog.tasks().keySet()) {
            MapTaskSettings settings = new MapTaskSettings("tasks." + name + ".settings", benchmarkSettings(name));
            tasks.add(ActiveTask.activate(catalog.get(name), id++, settings,
                    corpus.vocabulary(), sequenceLength, corpus.documents(), DocumentSource.empty()));
        }
        return tasks;
    }

    /**
     * The settings a task needs on the demo corpus beyond its defaults: there is no search log, so IR relevance runs on its
     * stand-in from passages, which makes the same kind of examples.
     */
    static Map<String, Object> benchmarkSettings(String task)
    {
        return task.equals("ir-relevance") ? Map.of("fallback", "passages") : Map.of();
    }

    /** The same session twice: batches built when needed, then built ahead as a run does by default. */
    private List<DataWait.Result> measureDataWait(EngineKind kind)
    {
        PreparedCorpus corpus = demoCorpus();
        StringBuilder yaml = new StringBuilder("vocabulary:\n  size: 8000\ntraining:\n  engine: " + kind.configName()
                + "\nschedule:\n  kind: multi-task\nevaluation:\n  held-out: 0\ntasks:\n");
        for (String name : catalog.tasks().keySet()) {
            yaml.append("  - name: ").append(name).append('\n');
            Map<String, Object> settings = benchmarkSettings(name);
            if (!settings.isEmpty()) {
                yaml.append("    settings:\n");
                settings.forEach((key, value) -> yaml.append("      ").append(key).append(": ").append(value).append('\n'));
            }
        }
        ErnieConfig config = new ConfigLoader().parse(yaml.toString(), "benchmark data wait");
        Path scratch = prepared.toAbsolutePath().resolveSibling("data-wait");
        SessionSetup setup = run.setup(config, corpus, scratch);
        List<DataWait.Result> results = new ArrayList<>();
        for (int ahead : new int[] {0, TrainingSettings.DEFAULT_BATCHES_AHEAD}) {
            Path directory = scratch.resolve("ahead-" + ahead);
            deleteTree(directory);
            results.add(DataWait.measure(setup, ahead, 3, dataSteps, directory));
            deleteTree(directory);
        }
        return results;
    }

    private static void deleteTree(Path directory)
    {
        try {
            DirectoryTree.delete(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
