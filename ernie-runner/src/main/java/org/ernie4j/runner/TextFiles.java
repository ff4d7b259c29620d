package org.ernie4j.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the Markdown that {@code compare} and {@code probe} leave in the run directory and append to a results file.
 */
final class TextFiles
{
    private TextFiles()
    {
    }

    /** Writes (or, with {@code append}, adds to the end of) a UTF-8 file, creating its folder. */
    static void write(Path file, String text, boolean append)
    {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
