package org.ernie4j.core.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends one JSON line per step to a run's {@code metrics.jsonl}. When a run resumes, lines from steps after the
 * checkpoint (written by the interrupted run, which will redo them) are dropped first, so the file always holds one
 * consistent loss curve.
 */
public final class MetricsLog
        implements TrainingListener, AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private BufferedWriter writer;

    private MetricsLog(Path file, BufferedWriter writer)
    {
        this.file = file;
        this.writer = writer;
    }

    /** Opens the log, keeping only the lines of steps before {@code firstStep}. */
    public static MetricsLog open(Path file, long firstStep)
    {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<String> kept = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && stepOf(line) < firstStep) {
                        kept.add(line);
                    }
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
            return new MetricsLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics log " + file, e);
        }
    }

    private static long stepOf(String line)
    {
        try {
            JsonNode node = JSON.readTree(line);
            return node.path("step").asLong(Long.MAX_VALUE);
        }
        catch (IOException e) {
            // A line cut short by a crash: drop it.
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void onStep(StepRecord record)
    {
        String line = String.format(Locale.ROOT,
                "{\"step\":%d,\"task\":\"%s\",\"loss\":%s,\"accuracy\":%s,\"examples\":%d,\"tokens\":%d,\"gradient_norm\":%s,\"learning_rate\":%s,\"seconds\":%.4f}",
                record.step(), record.task(), number(record.loss()), number(record.accuracy()), record.examples(), record.tokens(),
                number(record.gradientNorm()), number(record.learningRate()), record.seconds());
        try {
            writer.write(line);
            writer.newLine();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics log " + file, e);
        }
    }

    @Override
    public void onCheckpoint(long step, Path directory)
    {
        flush();
    }

    @Override
    public void onFinish(long step)
    {
        flush();
    }

    @Override
    public void close()
    {
        try {
            writer.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot close metrics log " + file, e);
        }
    }

    private void flush()
    {
        try {
            writer.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics log " + file, e);
        }
    }

    private static String number(double value)
    {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }
}
