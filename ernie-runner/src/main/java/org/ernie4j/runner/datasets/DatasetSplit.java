package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a labelled dataset as {@code train.tsv}, {@code dev.tsv} and {@code test.tsv} ({@code label<TAB>text}, or
 * {@code label<TAB>text<TAB>second text} for pairs) plus
 * a {@code dataset.json} that says how it was made.
 */
final class DatasetSplit
{
    private DatasetSplit()
    {
    }

    /** One labelled text, or pair of texts ({@code pair} null for a single text). */
    record Row(String label, String text, String pair)
    {
        Row(String label, String text)
        {
            this(label, text, null);
        }
    }

    static void write(Path directory, List<Row> train, List<Row> dev, List<Row> test, Map<String, Object> description)
    {
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("train.tsv", lines(train));
        files.put("dev.tsv", lines(dev));
        files.put("test.tsv", lines(test));
        writeFiles(directory, files, description);
    }

    /** Writes each file's lines (UTF-8) and {@code dataset.json}. */
    static void writeFiles(Path directory, Map<String, List<String>> files, Map<String, Object> description)
    {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, List<String>> file : files.entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("dataset.json").toFile(), description);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset into " + directory, e);
        }
    }

    private static List<String> lines(List<Row> rows)
    {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(row.label() + "\t" + clean(row.text()) + (row.pair() == null ? "" : "\t" + clean(row.pair())));
        }
        return lines;
    }

    /** Tabs and line breaks would break the TSV layout: they become spaces. */
    static String clean(String text)
    {
        return text.replaceAll("[\\t\\r\\n\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    }
}
