package org.ernie4j.runner.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static java.util.Objects.requireNonNull;

/**
 * A Markdown file of benchmark reports such as {@code docs/BENCHMARKS.md}, newest last: each report is appended, under a
 * title written when the file is new.
 */
public record BenchmarksFile(Path file)
{
    public BenchmarksFile
    {
        requireNonNull(file, "file is null");
    }

    public void append(String report)
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
