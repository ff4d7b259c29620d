package org.ernie4j.runner;

import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.support.Versions;
import org.ernie4j.core.training.benchmark.BenchmarkResult;
import org.ernie4j.core.training.benchmark.StepBenchmark;

import static java.util.Objects.requireNonNull;

/**
 * What Spark adds to a training step: for each batch size, the median step of the reference model computed in this JVM
 * and computed by Spark (broadcast of the parameters, one shard per partition, gradients added by
 * {@code treeAggregate}), in turns within one process so that both see the same machine, and the overhead as a share of
 * the single-machine step.
 */
final class SparkOverhead
{
    /** The overhead share under which Spark's cost is called small. */
    private static final double SMALL = 0.10;

    private final StepBenchmark benchmark;
    private final EngineKind engine;
    private final int threads;
    private final int warmup;
    private final int steps;

    SparkOverhead(StepBenchmark benchmark, EngineKind engine, int threads, int warmup, int steps)
    {
        this.benchmark = requireNonNull(benchmark, "benchmark is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.threads = threads;
        this.warmup = warmup;
        this.steps = steps;
    }

    /**
     * One batch size's medians, with averaging every {@code averageEvery} steps in Spark.
     *
     * @param ownSecondsPerJob the median time per Spark job that Spark itself added (everything but the slowest shard's
     *         own computation)
     */
    record Row(int batchSize, int averageEvery, BenchmarkResult local, BenchmarkResult spark, Map<String, Double> parts, double ownSecondsPerJob)
    {
        /** Spark's own cost as a share of the single-machine step. */
        double ownShare()
        {
            return ownSecondsPerJob / averageEvery / local.medianSeconds();
        }

        double overhead()
        {
            return spark.medianSeconds() - local.medianSeconds();
        }

        double share()
        {
            return overhead() / local.medianSeconds();
        }
    }

    /**
     * For each batch size, the single-machine step and then the Spark step for each K. With K > 1 the warm-up and the
     * timed steps are rounded up to whole rounds, so that every timed step belongs to a whole timed round.
     */
    List<Row> measure(SparkMode spark, List<Integer> batchSizes, List<Integer> averageEvery, PrintWriter progress)
    {
        List<Row> rows = new ArrayList<>();
        for (int size : batchSizes) {
            StepBenchmark sized = benchmark.withBatchSize(size);
            progress.printf(Locale.ROOT, "batch %d: single machine...%n", size);
            progress.flush();
            BenchmarkResult local = sized.run(engine, threads, warmup, steps);
            for (int k : averageEvery) {
                progress.printf(Locale.ROOT, "batch %d: Spark, K = %d...%n", size, k);
                progress.flush();
                spark.resetTimes();
                BenchmarkResult distributed = sized.run(engine, threads, wholeRounds(warmup, k), wholeRounds(steps, k), 0, spark.steps(k));
                rows.add(new Row(size, k, local, distributed, spark.stepTimes(), spark.ownSeconds()));
            }
        }
        return rows;
    }

    private static int wholeRounds(int steps, int averageEvery)
    {
        return (steps + averageEvery - 1) / averageEvery * averageEvery;
    }

    static String report(List<Row> rows, SparkMode spark, String command, int threads, int workerThreads)
    {
        EncoderConfig config = rows.get(0).local().config();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%n### Spark overhead per step, %s%n%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        text.append("- command: `").append(command).append("`\n");
        text.append("- machine: ").append(MachineDescription.describe()).append('\n');
        text.append("- software: ernie4j ").append(Versions.ernie4j()).append(", ND4J ").append(Versions.nd4j()).append(", Spark ")
                .append(spark.version()).append(", Java ").append(System.getProperty("java.version")).append('\n');
        text.append(String.format(Locale.ROOT, "- model: vocab %d, hidden %d, %d layers, %d heads, FFN %d, sequence %d, masked LM (15%%), AdamW, float32%n",
                config.vocabularySize(), config.hidden(), config.layers(), config.heads(), config.intermediate(), rows.get(0).local().sequenceLength()));
        text.append(String.format(Locale.ROOT, "- single machine: the %s engine on %d threads; Spark: master %s, %d shard(s) per batch, %d engine thread(s)"
                + " per shard. K = 1: gradients averaged every step, the update applied on the driver. K > 1: each shard's worker takes K steps"
                + " with its own optimizer, parameters and moments averaged every K steps; a step's time is its round's time / K%n",
                rows.get(0).local().engine().configName(), threads, spark.master(), spark.partitions(), workerThreads));
        text.append(String.format(Locale.ROOT, "%n| batch | K | single machine, median step | Spark, median step | overhead | overhead / step"
                + " | Spark's own cost per step | own cost / step |%n| --- | --- | --- | --- | --- | --- | --- | --- |%n"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %d | %d | %.3f s | %.3f s | %+.3f s | %+.1f%% | %.3f s | %.1f%% |%n", row.batchSize(),
                    row.averageEvery(), row.local().medianSeconds(), row.spark().medianSeconds(), row.overhead(), 100 * row.share(),
                    row.ownSecondsPerJob() / row.averageEvery(), 100 * row.ownShare()));
        }
        text.append(String.format(Locale.ROOT, "%nThe overhead compares the whole steps; Spark's own cost leaves out the shards' computation (which on one"
                + " machine runs on one thread per shard instead of the fused engine's shared threads, faster or slower): it is"
                + " the median per job of the driver's work before and after the job and the job's time beyond its slowest shard,"
                + " divided by the steps of the job.%n"));
        text.append(String.format(Locale.ROOT, "%nWhere a Spark job's time goes (medians over the jobs, warm-up included; a job is one step at K = 1 and one round"
                + " of K steps at K > 1; at K = 1 the optimizer runs on the driver after these):%n%n| part |"));
        rows.forEach(row -> text.append(String.format(Locale.ROOT, " batch %d, K %d |", row.batchSize(), row.averageEvery())));
        text.append("\n| --- |");
        rows.forEach(row -> text.append(" --- |"));
        text.append('\n');
        for (String part : rows.get(0).parts().keySet()) {
            text.append("| ").append(part).append(" |");
            rows.forEach(row -> text.append(String.format(Locale.ROOT, " %.3f s |", row.parts().getOrDefault(part, Double.NaN))));
            text.append('\n');
        }
        text.append('\n');
        text.append(under("The overhead", rows.stream().filter(row -> row.share() < SMALL).toList()));
        text.append(under("Spark's own cost", rows.stream().filter(row -> row.ownShare() < SMALL).toList()));
        return text.toString();
    }

    private static String under(String what, List<Row> small)
    {
        if (small.isEmpty()) {
            return String.format(Locale.ROOT, "%s stays above %.0f%% of a step at every batch and K measured.%n", what, 100 * SMALL);
        }
        return String.format(Locale.ROOT, "%s is under %.0f%% of a step at: %s.%n", what, 100 * SMALL, small.stream()
                .map(row -> String.format(Locale.ROOT, "batch %d with K = %d", row.batchSize(), row.averageEvery()))
                .collect(Collectors.joining(", ")));
    }
}
