package org.ernie4j.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.run.ResumeMode;
import org.ernie4j.core.support.DirectoryTree;
import org.ernie4j.core.text.prepare.CorpusReplicas;
import org.ernie4j.core.text.prepare.Manifest;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.text.prepare.ShardInfo;
import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TrainingListener;
import org.ernie4j.core.training.benchmark.ProcessMemory;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.runner.benchmark.BenchmarksFile;
import org.ernie4j.runner.benchmark.CorpusSizeReport;
import org.ernie4j.runner.benchmark.Provenance;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie benchmark corpus-size}: trains the same small model on prepared corpora of several sizes, each in a JVM of
 * its own with the same options as this one, and reports resident memory, heap and step time per size. Training reads
 * documents from the shards on disk, so its memory should not grow with the corpus; this is where that is measured.
 */
@Command(name = "corpus-size", mixinStandardHelpOptions = true,
        description = "Train a small model on copies of a prepared corpus (1x, 10x, 50x by default), each size in its own JVM, and "
                + "record peak and steady resident memory, heap after GC and step time per size.")
final class CorpusSizeCommand
        implements Callable<Integer>
{
    /** The line a child process prints its figures on. */
    private static final String RESULT = "corpus-size-result";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--source", paramLabel = "DIR",
            description = "The prepared corpus to copy (default: the demo corpus, prepared into SCRATCH/source).")
    private Path source;

    @CommandLine.Option(names = "--sizes", paramLabel = "K,K,...", split = ",", defaultValue = "1,10,50",
            description = "How many copies of the source each corpus holds (default: ${DEFAULT-VALUE}).")
    private List<Integer> sizes;

    @CommandLine.Option(names = "--steps", paramLabel = "N", defaultValue = "210", description = "Training steps per corpus (default: ${DEFAULT-VALUE}).")
    private int steps;

    @CommandLine.Option(names = "--rss-every", paramLabel = "N", defaultValue = "10",
            description = "Steps between resident-memory samples (default: ${DEFAULT-VALUE}).")
    private int rssEvery;

    @CommandLine.Option(names = "--scratch", paramLabel = "DIR", defaultValue = "runs/benchmark/corpus-size",
            description = "Where the copies and the runs go; copies already there are reused (default: ${DEFAULT-VALUE}).")
    private Path scratch;

    @CommandLine.Option(names = "--write", paramLabel = "FILE", description = "Append the report to this Markdown file (docs/BENCHMARKS.md).")
    private Path write;

    @CommandLine.Option(names = "--child", paramLabel = "DIR", hidden = true, description = "Train on this prepared corpus and print the figures.")
    private Path child;

    @CommandLine.Option(names = "--child-run", paramLabel = "DIR", hidden = true, description = "The child's run directory.")
    private Path childRun;

    private final CorpusPreparation preparation;
    private final TaskCatalog catalog;
    private final PretrainingRun run;

    @Inject
    CorpusSizeCommand(CorpusPreparation preparation, TaskCatalog catalog, PretrainingRun run)
    {
        this.preparation = preparation;
        this.catalog = catalog;
        this.run = run;
    }

    @Override
    public Integer call()
            throws Exception
    {
        if (steps < 2 || rssEvery < 1 || rssEvery > steps) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--steps must be at least 2 and --rss-every between 1 and the steps");
        }
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sizes must be positive numbers of copies");
        }
        return child != null ? trainAsChild() : measure();
    }

    private int measure()
            throws IOException, InterruptedException
    {
        PrintWriter out = spec.commandLine().getOut();
        Path base = scratch.toAbsolutePath().normalize();
        Files.createDirectories(base);
        PreparedCorpus original = source != null ? PreparedCorpus.open(source) : demoCorpus(base.resolve("source"));
        List<CorpusSizeReport.Row> rows = new ArrayList<>();
        for (int copies : sizes.stream().sorted().distinct().toList()) {
            Path corpus = copies == 1 ? original.directory() : base.resolve("x" + copies);
            if (!Files.exists(corpus.resolve(Manifest.FILE_NAME))) {
                out.printf(Locale.ROOT, "writing %d copies of %s into %s...%n", copies, original.directory(), corpus);
                out.flush();
                CorpusReplicas.write(original, copies, corpus);
            }
            PreparedCorpus prepared = PreparedCorpus.open(corpus);
            out.printf(Locale.ROOT, "training %d steps on %d copies (%,d documents) in a JVM of its own...%n", steps, copies,
                    prepared.stats().documents());
            out.flush();
            double[] figures = trainInChild(corpus, base.resolve("run-x" + copies), base.resolve("run-x" + copies + ".log"));
            long bytes = prepared.manifest().shards().stream().mapToLong(ShardInfo::bytes).sum();
            rows.add(new CorpusSizeReport.Row(copies, prepared.stats().documents(), prepared.stats().pieces(), bytes, (long) figures[0], figures[1],
                    (long) figures[2], figures[3]));
        }
        String setup = "model: hidden 128, 2 layers, 2 heads, FFN 512, sequence 128, batch 16; tasks " + String.join(", ", catalog.tasks().keySet())
                + " on the multi-task schedule, 5% of documents held out; " + steps + " steps, resident memory sampled every " + rssEvery
                + " steps; JVM options " + String.join(" ", ChildErnie.jvmOptions());
        String command = "ernie benchmark corpus-size" + (source == null ? "" : " --source " + source) + " --sizes "
                + sizes.stream().map(String::valueOf).collect(Collectors.joining(",")) + " --steps " + steps + " --rss-every " + rssEvery
                + (write == null ? "" : " --write " + write);
        String report = new CorpusSizeReport(Provenance.now(command, MachineDescription.describe(), List.of()), setup, rows).markdown();
        out.print(report);
        out.flush();
        if (write != null) {
            new BenchmarksFile(write).append(report);
            out.println("appended to " + write);
        }
        return 0;
    }

    /** Runs this command as a child on one corpus; returns peak RSS, mean RSS of the second half, heap after GC, median step. */
    private double[] trainInChild(Path corpus, Path runDirectory, Path log)
            throws IOException, InterruptedException
    {
        DirectoryTree.delete(runDirectory);
        List<String> command = ChildErnie.command(List.of("benchmark", "corpus-size", "--child", corpus.toString(), "--child-run",
                runDirectory.toString(), "--steps", String.valueOf(steps), "--rss-every", String.valueOf(rssEvery)));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(RESULT + " ")) {
                    result = line;
                }
            }
        }
        int code = process.waitFor();
        if (code != 0 || result == null) {
            List<String> logged = Files.readAllLines(log, StandardCharsets.UTF_8);
            String tail = String.join("\n", logged.subList(Math.max(0, logged.size() - 5), logged.size()));
            throw new IllegalStateException("the training process for " + corpus + " failed (exit code " + code + "); the end of its log, " + log
                    + ":\n" + tail);
        }
        String[] parts = result.split(" ");
        return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Double.parseDouble(parts[4])};
    }

    private int trainAsChild()
    {
        PreparedCorpus corpus = PreparedCorpus.open(child);
        ErnieConfig config = new ConfigLoader().parse(configuration(), "corpus-size benchmark");
        Samples samples = new Samples(rssEvery);
        run.run(config, corpus, childRun, ResumeMode.FRESH, steps, List.of(samples), session -> {});
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s %d %.1f %d %.6f%n", RESULT, ProcessMemory.peakResidentBytes().orElse(0), samples.meanSecondHalf(), heap,
                samples.medianStepSeconds());
        out.flush();
        return 0;
    }

    /** The small model of the probe, every task on the class path at once. */
    private String configuration()
    {
        StringBuilder yaml = new StringBuilder("""
                vocabulary:
                  size: 8000
                model:
                  hidden: 128
                  layers: 2
                  heads: 2
                  intermediate: 512
                  max-positions: 128
                training:
                  batch-size: 16
                  sequence-length: 128
                  learning-rate: 5.0e-4
                  checkpoint-every: 1000000
                """);
        // The run stops after --steps; the schedule only has to be long enough, and valid (a stage must train every task).
        yaml.append("  steps-per-task: ").append(Math.max(steps, catalog.tasks().size() + 1)).append('\n');
        yaml.append("schedule:\n  kind: multi-task\nevaluation:\n  held-out: 0.05\n  examples: 200\ntasks:\n");
        for (String name : catalog.tasks().keySet()) {
            yaml.append("  - name: ").append(name).append('\n');
            Map<String, Object> settings = BenchmarkCommand.benchmarkSettings(name);
            if (!settings.isEmpty()) {
                yaml.append("    settings:\n");
                settings.forEach((key, value) -> yaml.append("      ").append(key).append(": ").append(value).append('\n'));
            }
        }
        return yaml.toString();
    }

    private PreparedCorpus demoCorpus(Path prepared)
    {
        ErnieConfig config = new ConfigLoader().parse("vocabulary:\n  size: 8000\n", "benchmark");
        Path corpus = DemoCorpus.extract(prepared.resolveSibling("demo-corpus"));
        return preparation.prepareOrOpen(corpus, prepared, CorpusPreparation.options(config, false), PrepareListener.NONE);
    }

    /** Resident memory every so many steps and every step's time. */
    private static final class Samples
            implements TrainingListener
    {
        private final int every;
        private final List<Long> resident = new ArrayList<>();
        private final List<Double> stepSeconds = new ArrayList<>();

        Samples(int every)
        {
            this.every = every;
        }

        @Override
        public void onStep(StepRecord record)
        {
            stepSeconds.add(record.seconds());
            if (stepSeconds.size() % every == 0) {
                ProcessMemory.residentBytes().ifPresent(resident::add);
            }
        }

        double meanSecondHalf()
        {
            return resident.subList(resident.size() / 2, resident.size()).stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
        }

        double medianStepSeconds()
        {
            List<Double> sorted = stepSeconds.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
        }
    }
}
