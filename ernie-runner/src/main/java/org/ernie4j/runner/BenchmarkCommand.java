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

import org.ernie4j.core.backend.BlasProbe;
import org.ernie4j.core.backend.NativeEnvironment;
import org.ernie4j.core.benchmark.BenchmarkResult;
import org.ernie4j.core.benchmark.LabelThroughput;
import org.ernie4j.core.benchmark.StepBenchmark;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.prepare.PrepareListener;
import org.ernie4j.core.prepare.PreparedCorpus;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.task.ActiveTask;
import org.ernie4j.core.task.ConfiguredTaskSettings;
import org.ernie4j.core.task.TaskCatalog;
import org.ernie4j.core.train.Versions;

import com.google.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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

    @CommandLine.Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @CommandLine.Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @CommandLine.Option(names = "--write", paramLabel = "FILE",
            description = "Append the results to this Markdown file, such as docs/BENCHMARKS.md.")
    private Path write;

    @CommandLine.Option(names = "--labels", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure each task's label generation from prepared shards of the demo corpus (default: ${DEFAULT-VALUE}).")
    private boolean labels;

    @CommandLine.Option(names = "--prepared", paramLabel = "DIR", defaultValue = "runs/benchmark/prepared",
            description = "Where the demo corpus is prepared for the label measurement (default: ${DEFAULT-VALUE}).")
    private Path prepared;

    private final CorpusPreparation preparation;
    private final TaskCatalog catalog;

    @Inject
    BenchmarkCommand(CorpusPreparation preparation, TaskCatalog catalog)
    {
        this.preparation = preparation;
        this.catalog = catalog;
    }

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        List<String> environment = NativeEnvironment.prepare();
        double sgemm = BlasProbe.sgemmGflops(1024, 7);
        StepBenchmark benchmark = StepBenchmark.reference();
        out.printf(Locale.ROOT, "sgemm 1024: %.1f GFLOP/s; timing %d steps after %d warm-up steps...%n", sgemm, steps, warmup);
        out.flush();
        BenchmarkResult result = benchmark.run(warmup, steps);
        String report = report(result, sgemm, environment);
        if (labels) {
            PreparedCorpus corpus = demoCorpus();
            report += labelReport(LabelThroughput.measure(demoTasks(corpus, result.sequenceLength()), corpus.documents(), 1, 5.0),
                    result.tokensPerSecond());
        }
        out.print(report);
        out.flush();
        if (write != null) {
            append(write, report);
            out.println("appended to " + write);
        }
        return 0;
    }

    private String report(BenchmarkResult result, double sgemm, List<String> environment)
    {
        EncoderConfig config = result.config();
        List<Double> sorted = new ArrayList<>(result.stepSeconds());
        Collections.sort(sorted);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%n### Reference step benchmark, %s%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        text.append("- command: `ernie benchmark --steps ").append(steps).append(" --warmup ").append(warmup)
                .append(write == null ? "" : " --write " + write).append("`\n");
        text.append("- machine: ").append(MachineDescription.describe()).append('\n');
        text.append("- software: ernie4j ").append(Versions.ernie4j()).append(", ND4J ").append(Versions.nd4j()).append(", Java ")
                .append(System.getProperty("java.version")).append(", SameDiff engine\n");
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
        text.append(String.format(Locale.ROOT, "| sgemm 1024 (same process) | %.1f GFLOP/s |%n", sgemm));
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
            tasks.add(ActiveTask.activate(catalog.get(name), id++, new ConfiguredTaskSettings("tasks." + name + ".settings", Map.of()),
                    corpus.vocabulary(), sequenceLength, corpus.documents()));
        }
        return tasks;
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
