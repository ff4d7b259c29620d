package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.engine.BlasProbe;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.engine.execution.SgemmPeaks;
import org.ernie4j.core.engine.execution.StepBreakdown;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.support.DirectoryTree;
import org.ernie4j.core.support.Versions;
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
import org.ernie4j.spi.MapTaskSettings;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie benchmark}: median training-step time, tokens/s and peak memory of the reference configuration, printed
 * and appended to {@code docs/BENCHMARKS.md} with the machine, date and command.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
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

    @CommandLine.Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, fused or samediff (default: ${DEFAULT-VALUE}: the fused engine where it can run).")
    private String engine;

    @CommandLine.Option(names = "--threads", paramLabel = "N",
            description = "Threads of the fused engine and its optimizer (default: the number of processors).")
    private Integer threads;

    @CommandLine.Option(names = "--write", paramLabel = "FILE",
            description = "Append the results to this Markdown file, such as docs/BENCHMARKS.md.")
    private Path write;

    @CommandLine.Option(names = "--labels", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure each task's label generation from prepared shards of the demo corpus (default: ${DEFAULT-VALUE}).")
    private boolean labels;

    @CommandLine.Option(names = "--prepared", paramLabel = "DIR", defaultValue = "runs/benchmark/prepared",
            description = "Where the demo corpus is prepared for the label measurement (default: ${DEFAULT-VALUE}).")
    private Path prepared;

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
        EngineKind requested = engineKind();
        List<String> environment = NativeEnvironment.prepare();
        EngineKind kind = Execution.resolve(requested);
        double sgemm = BlasProbe.sgemmGflops(1024, 7);
        double[] peaks = kind == EngineKind.FUSED ? fusedPeaks(threadCount()) : new double[0];
        StepBenchmark benchmark = scaledBenchmark();
        if (spark != null) {
            return sparkOverhead(benchmark, requested, out);
        }
        out.printf(Locale.ROOT, "%s engine (%d threads); sgemm 1024: %.1f GFLOP/s; timing %d steps after %d warm-up steps...%n",
                kind.configName(), kind == EngineKind.FUSED ? threadCount() : 1, sgemm, steps, warmup);
        out.flush();
        BenchmarkResult result = benchmark.run(requested, threadCount(), warmup, steps, rssEvery, StepComputer.Factory.LOCAL);
        String report = report(result, sgemm, peaks, environment);
        if (!result.residentTrace().isEmpty()) {
            report += residentReport(result.residentTrace());
        }
        if (labels) {
            PreparedCorpus corpus = demoCorpus();
            report += labelReport(LabelThroughput.measure(demoTasks(corpus, result.sequenceLength()), corpus.documents(), 1, 5.0),
                    result.tokensPerSecond());
        }
        if (dataSteps > 0) {
            out.printf(Locale.ROOT, "training %d steps of every task, batches built when needed and built ahead...%n", dataSteps);
            out.flush();
            report += dataWaitReport(measureDataWait(kind));
        }
        out.print(report);
        out.flush();
        if (write != null) {
            append(write, report);
            out.println("appended to " + write);
        }
        return 0;
    }

    private StepBenchmark scaledBenchmark()
    {
        if (rssEvery < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rss-every must not be negative");
        }
        try {
            return hidden == 256 && sequence == 128 ? StepBenchmark.reference() : StepBenchmark.scaled(hidden, sequence);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden/--sequence: " + e.getMessage());
        }
    }

    /** The resident memory over the timed steps: flat means no growth beyond what a garbage collection takes back. */
    private String residentReport(List<Long> trace)
    {
        StringBuilder text = new StringBuilder();
        double gib = 1024.0 * 1024 * 1024;
        long first = trace.get(0);
        long last = trace.get(trace.size() - 1);
        long lowest = trace.stream().mapToLong(Long::longValue).min().orElseThrow();
        long highest = trace.stream().mapToLong(Long::longValue).max().orElseThrow();
        // The second half against the first: a leak grows steadily, garbage-collection noise goes up and down.
        int half = trace.size() / 2;
        double firstHalf = trace.subList(0, Math.max(1, half)).stream().mapToLong(Long::longValue).average().orElseThrow();
        double secondHalf = trace.subList(half, trace.size()).stream().mapToLong(Long::longValue).average().orElseThrow();
        text.append(String.format(Locale.ROOT, "%nResident memory every %d timed steps (%d samples over %d steps):%n%n| measure | value |%n"
                + "| --- | --- |%n", rssEvery, trace.size(), steps));
        text.append(String.format(Locale.ROOT, "| first / last sample | %.3f / %.3f GiB |%n", first / gib, last / gib));
        text.append(String.format(Locale.ROOT, "| lowest / highest sample | %.3f / %.3f GiB |%n", lowest / gib, highest / gib));
        text.append(String.format(Locale.ROOT, "| mean of the second half minus mean of the first half | %+.1f MiB (%+.2f%%) |%n",
                (secondHalf - firstHalf) / (1024 * 1024), 100 * (secondHalf - firstHalf) / firstHalf));
        StringBuilder samples = new StringBuilder();
        for (long sample : trace) {
            samples.append(samples.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", sample / (1024.0 * 1024)));
        }
        text.append("\nSamples (MiB): ").append(samples).append('\n');
        return text.toString();
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
            SparkOverhead overhead = new SparkOverhead(benchmark, requested, threadCount(), warmup, steps);
            List<SparkOverhead.Row> rows = overhead.measure(mode, batchSizes, averageEvery, out);
            String command = "ernie benchmark --spark " + spark + (sparkPartitions == null ? "" : " --spark-partitions " + sparkPartitions)
                    + " --batch-sizes " + batchSizes.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " --spark-average-every " + averageEvery.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " --engine " + engine + (threads == null ? "" : " --threads " + threads) + " --steps " + steps + " --warmup " + warmup
                    + (write == null ? "" : " --write " + write);
            String report = SparkOverhead.report(rows, mode, command, threadCount(), mode.workerThreads());
            out.print(report);
            out.flush();
            if (write != null) {
                append(write, report);
                out.println("appended to " + write);
            }
        }
        return 0;
    }

    private EngineKind engineKind()
    {
        try {
            return EngineKind.fromConfigName(engine);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine: " + e.getMessage());
        }
    }

    private int threadCount()
    {
        int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        return count;
    }

    /** OpenBLAS sgemm at 1024 as the fused engine calls it: one thread, and every worker at once. */
    private static double[] fusedPeaks(int threads)
    {
        SgemmPeaks peaks = SgemmPeaks.measure(threads, 1024, 9);
        return new double[] {peaks.oneWorker(), peaks.allWorkers(), peaks.workers()};
    }

    private String report(BenchmarkResult result, double sgemm, double[] peaks, List<String> environment)
    {
        EncoderConfig config = result.config();
        List<Double> sorted = new ArrayList<>(result.stepSeconds());
        Collections.sort(sorted);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%n### Reference step benchmark, %s%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        text.append("- command: `ernie benchmark --engine ").append(engine)
                .append(threads == null ? "" : " --threads " + threads).append(" --steps ").append(steps).append(" --warmup ").append(warmup)
                .append(hidden == 256 ? "" : " --hidden " + hidden).append(sequence == 128 ? "" : " --sequence " + sequence)
                .append(rssEvery == 0 ? "" : " --rss-every " + rssEvery).append(labels ? "" : " --no-labels")
                .append(dataSteps == 30 ? "" : " --data-steps " + dataSteps)
                .append(write == null ? "" : " --write " + write).append("`\n");
        text.append("- machine: ").append(MachineDescription.describe()).append('\n');
        text.append("- software: ernie4j ").append(Versions.ernie4j()).append(", ND4J ").append(Versions.nd4j()).append(", Java ")
                .append(System.getProperty("java.version")).append(", ")
                .append(result.engine() == EngineKind.FUSED ? "fused engine" : "SameDiff engine").append('\n');
        text.append("- environment set by ernie4j: ").append(environment.isEmpty() ? "nothing" : String.join("; ", environment)).append('\n');
        text.append(String.format(Locale.ROOT, "- model: vocab %d, hidden %d, %d layers, %d heads, FFN %d, sequence %d, batch %d, masked LM (15%%), AdamW, float32%n",
                config.vocabularySize(), config.hidden(), config.layers(), config.heads(), config.intermediate(), result.sequenceLength(),
                result.batchSize()));
        text.append(String.format(Locale.ROOT, "%n| measure | value |%n| --- | --- |%n"));
        text.append(String.format(Locale.ROOT, "| median step | %.3f s |%n", result.medianSeconds()));
        text.append(String.format(Locale.ROOT, "| fastest / slowest step | %.3f s / %.3f s |%n", sorted.get(0), sorted.get(sorted.size() - 1)));
        text.append(String.format(Locale.ROOT, "| tokens/s (at the median) | %.0f |%n", result.tokensPerSecond()));
        text.append(String.format(Locale.ROOT, "| peak RSS | %s |%n", result.peakResidentBytes() < 0 ? "unknown"
                : String.format(Locale.ROOT, "%.2f GiB", result.peakResidentBytes() / (1024.0 * 1024 * 1024))));
        text.append(String.format(Locale.ROOT, "| sgemm 1024 (same process, ND4J) | %.1f GFLOP/s |%n", sgemm));
        text.append(String.format(Locale.ROOT, "| optimizer (norm, clipping, AdamW) in a step | %.3f s |%n", result.optimizerSeconds()));
        if (peaks.length > 0) {
            text.append(String.format(Locale.ROOT, "| OpenBLAS sgemm 1024 as the engine calls it, 1 thread / %d threads at once (best of 9) | %.1f / %.1f GFLOP/s |%n",
                    (int) peaks[2], peaks[0], peaks[1]));
        }
        result.profile().ifPresent(profile -> text.append(profileReport(profile, result, peaks)));
        return text.toString();
    }

    private static String profileReport(StepBreakdown profile, BenchmarkResult result, double[] peaks)
    {
        StringBuilder text = new StringBuilder();
        double achieved = profile.gigaflopsPerStep() / result.medianSeconds();
        text.append(String.format(Locale.ROOT, "| matrix products per step | %.1f GFLOP |%n", profile.gigaflopsPerStep()));
        text.append(String.format(Locale.ROOT, "| achieved over the whole step | %.1f GFLOP/s (%.0f%% of the %.1f GFLOP/s sgemm peak) |%n", achieved,
                100 * achieved / peaks[1], peaks[1]));
        text.append(String.format(Locale.ROOT, "%nWhere a step's time goes (one worker's view; the %d workers run the same parts at once on equal"
                + " shares of the batch; mean of %d steps):%n%n| part | ms per step | share | GFLOP/s (one worker) |%n| --- | --- | --- | --- |%n",
                (int) peaks[2], profile.steps()));
        double total = profile.totalSeconds() + result.optimizerSeconds();
        for (StepBreakdown.Part part : profile.parts()) {
            text.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f%% | %s |%n", part.description(), 1000 * part.seconds(),
                    100 * part.seconds() / total, part.gigaflops() > 0 ? String.format(Locale.ROOT, "%.1f", part.gigaflopsPerSecond()) : ""));
        }
        text.append(String.format(Locale.ROOT, "| optimizer: gradient norm + fused AdamW (all workers) | %.1f | %.1f%% | |%n",
                1000 * result.optimizerSeconds(), 100 * result.optimizerSeconds() / total));
        return text.toString();
    }

    /** The demo corpus, prepared once into {@link #prepared} with the reference vocabulary size. */
    private PreparedCorpus demoCorpus()
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
                    corpus.vocabulary(), sequenceLength, corpus.documents()));
        }
        return tasks;
    }

    /**
     * The settings a task needs on the demo corpus beyond its defaults: there is no search log, so IR relevance runs on its
     * weak stand-in, which makes the same kind of examples.
     */
    private static Map<String, Object> benchmarkSettings(String task)
    {
        return task.equals("ir-relevance") ? Map.of("fallback", "document-titles") : Map.of();
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

    private String dataWaitReport(List<DataWait.Result> results)
    {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nThe trainer's wait for data (`--data-steps %d`): the tasks %s on the multi-task schedule, reference"
                + " model, demo corpus, after 3 warm-up steps:%n%n| batches built | median step | median wait | longest wait | share of step time"
                + " waiting |%n| --- | --- | --- | --- | --- |%n", dataSteps, String.join(", ", catalog.tasks().keySet())));
        for (DataWait.Result result : results) {
            text.append(String.format(Locale.ROOT, "| %s | %.3f s | %.1f ms | %.1f ms | %.2f%% |%n",
                    result.batchesAhead() == 0 ? "when needed" : result.batchesAhead() + " ahead, on background threads", result.medianStepSeconds(),
                    1000 * result.medianDataSeconds(), 1000 * result.maxDataSeconds(), 100 * result.waitingShare()));
        }
        return text.toString();
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

    private static String labelReport(List<LabelThroughput.Rate> rates, double trainerTokensPerSecond)
    {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nLabel generation from prepared shards (demo corpus, one thread, sequence 128), against the trainer's"
                + " %.0f tokens/s above:%n%n| task | examples/s | tokens/s | times the trainer's tokens/s |%n| --- | --- | --- | --- |%n",
                trainerTokensPerSecond));
        for (LabelThroughput.Rate rate : rates) {
            text.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0fx |%n", rate.task(), rate.examples() / rate.seconds(),
                    rate.tokensPerSecond(), rate.tokensPerSecond() / trainerTokensPerSecond));
        }
        return text.toString();
    }

    private static void append(Path file, String report)
    {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (!Files.exists(file)) {
                Files.writeString(file, "# Benchmarks\n\nFigures measured with the commands shown; newest last.\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, report, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
