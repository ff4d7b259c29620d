package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a labelled dataset as {@code train.tsv}, {@code dev.tsv} and {@code test.tsv} ({@code label<TAB>text}) plus
 * a {@code dataset.json} that says how it was made.
 */
final class DatasetSplit
{
    private DatasetSplit()
    {
    }

    /** One labelled text and the group it belongs to (an address, a mail). */
    record Row(String label, String text)
    {
    }

    static void write(Path directory, List<Row> train, List<Row> dev, List<Row> test, Map<String, Object> description)
    {
        try {
            Files.createDirectories(directory);
            writeRows(directory.resolve("train.tsv"), train);
            writeRows(directory.resolve("dev.tsv"), dev);
            writeRows(directory.resolve("test.tsv"), test);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("dataset.json").toFile(), description);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset into " + directory, e);
        }
    }

    private static void writeRows(Path file, List<Row> rows)
            throws IOException
    {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(row.label() + "\t" + clean(row.text()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Tabs and line breaks would break the TSV layout: they become spaces. */
    static String clean(String text)
    {
        return text.replaceAll("[\\t\\r\\n\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    }
}
