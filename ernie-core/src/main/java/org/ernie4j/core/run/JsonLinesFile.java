package org.ernie4j.core.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A log of one JSON object per line, keyed by training step. When a run resumes, lines of steps after the checkpoint
 * (written by the interrupted run, which will redo them) are dropped, and so is a last line cut short by a crash: the
 * file always tells one consistent story.
 */
final class JsonLinesFile
        implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter writer;

    private JsonLinesFile(Path file, BufferedWriter writer)
    {
        this.file = file;
        this.writer = writer;
    }

    /** Opens the file for appending, keeping only lines whose {@code step} is at most {@code lastKeptStep}. */
    static JsonLinesFile open(Path file, long lastKeptStep)
    {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<String> kept = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && stepOf(line) <= lastKeptStep) {
                        kept.add(line);
                    }
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
            return new JsonLinesFile(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    private static long stepOf(String line)
    {
        try {
            JsonNode node = JSON.readTree(line);
            return node.path("step").asLong(Long.MAX_VALUE);
        }
        catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    void append(String line)
    {
        try {
            writer.write(line);
            writer.newLine();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void flush()
    {
        try {
            writer.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close()
    {
        try {
            writer.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    static String number(double value)
    {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }
}
