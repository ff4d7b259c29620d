package org.ernie4j.runner;

import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.benchmark.BenchmarkResult;
import org.ernie4j.core.benchmark.StepBenchmark;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.train.Versions;

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

    /** One batch size's medians. */
    record Row(int batchSize, BenchmarkResult local, BenchmarkResult spark, Map<String, Double> parts)
    {
        double overhead()
        {
            return spark.medianSeconds() - local.medianSeconds();
        }

        double share()
        {
            return overhead() / local.medianSeconds();
        }
    }

    List<Row> measure(SparkMode spark, List<Integer> batchSizes, PrintWriter progress)
    {
        List<Row> rows = new ArrayList<>();
        for (int size : batchSizes) {
            StepBenchmark sized = benchmark.withBatchSize(size);
            progress.printf(Locale.ROOT, "batch %d: single machine...%n", size);
            progress.flush();
            BenchmarkResult local = sized.run(engine, threads, warmup, steps);
            progress.printf(Locale.ROOT, "batch %d: Spark...%n", size);
            progress.flush();
            spark.resetTimes();
            BenchmarkResult distributed = sized.run(engine, threads, warmup, steps, 0, spark.steps());
            rows.add(new Row(size, local, distributed, spark.stepTimes()));
        }
        return rows;
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
                + " per shard, gradients averaged every step (K = 1); the update is applied on the driver in both%n",
                rows.get(0).local().engine().configName(), threads, spark.master(), spark.partitions(), workerThreads));
        text.append(String.format(Locale.ROOT, "%n| batch | single machine, median step | Spark, median step | overhead | overhead / step |%n"
                + "| --- | --- | --- | --- | --- |%n"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %d | %.3f s | %.3f s | %+.3f s | %+.1f%% |%n", row.batchSize(), row.local().medianSeconds(),
                    row.spark().medianSeconds(), row.overhead(), 100 * row.share()));
        }
        text.append(String.format(Locale.ROOT, "%nWhere a Spark step's time goes (medians over the steps, warm-up included; the optimizer runs on the driver after these):%n%n| part |"));
        rows.forEach(row -> text.append(String.format(Locale.ROOT, " batch %d |", row.batchSize())));
        text.append("\n| --- |");
        rows.forEach(row -> text.append(" --- |"));
        text.append('\n');
        for (String part : rows.get(0).parts().keySet()) {
            text.append("| ").append(part).append(" |");
            rows.forEach(row -> text.append(String.format(Locale.ROOT, " %.3f s |", row.parts().getOrDefault(part, Double.NaN))));
            text.append('\n');
        }
        text.append('\n').append(rows.stream().filter(row -> row.share() < SMALL).findFirst()
                .map(row -> String.format(Locale.ROOT, "The overhead is under %.0f%% of a step from batch %d on (K = 1).%n", 100 * SMALL, row.batchSize()))
                .orElse(String.format(Locale.ROOT, "The overhead stays above %.0f%% of a step at every batch measured (K = 1).%n", 100 * SMALL)));
        return text.toString();
    }
}
