package org.ernie4j.runner.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The runner's embedded sample of 23 State of the Union addresses (11 of them Democratic or Republican), copied into a
 * folder: real text for the dataset builders.
 */
final class TestingSotu
{
    private static final String FOLDER = "/org/ernie4j/runner/demo-corpus/";

    private TestingSotu()
    {
    }

    static Path copyTo(Path directory)
    {
        try {
            Files.createDirectories(directory);
            for (String name : names()) {
                try (InputStream in = TestingSotu.class.getResourceAsStream(FOLDER + name)) {
                    Files.copy(in, directory.resolve(name));
                }
            }
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names()
            throws IOException
    {
        try (BufferedReader index = new BufferedReader(new InputStreamReader(TestingSotu.class.getResourceAsStream(FOLDER + "index.txt"),
                StandardCharsets.UTF_8))) {
            return index.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }
}
