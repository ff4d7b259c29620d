package org.ernie4j.core.finetune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads labelled data for fine-tuning, from TSV or JSONL (decided by the file name: {@code .jsonl} is JSONL, anything
 * else TSV). A line that does not fit the format is an error naming the file and line.
 *
 * <p>Sequence data:
 * <ul>
 * <li>TSV: {@code label<TAB>text}, or {@code label<TAB>text<TAB>second text} for pairs; blank lines and lines starting
 * with {@code #} are skipped.</li>
 * <li>JSONL: {@code {"label": "...", "text": "...", "text_pair": "..."}} with {@code text_pair} optional.</li>
 * </ul>
 * Token data:
 * <ul>
 * <li>TSV: one word per line, {@code word<TAB>label}, a blank line after each sentence.</li>
 * <li>JSONL: {@code {"tokens": ["..."], "labels": ["..."]}}.</li>
 * </ul>
 */
public final class LabelledDataReader
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledDataReader()
    {
    }

    public static List<LabelledItem> read(Path file, FinetuneKind kind)
    {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new IllegalArgumentException("labelled data file " + file + " does not exist", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled data file " + file + " (it must be UTF-8)", e);
        }
        boolean jsonl = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        List<LabelledItem> items = jsonl ? jsonl(file, lines, kind) : kind == FinetuneKind.TOKEN ? tokenTsv(file, lines) : sequenceTsv(file, lines);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("labelled data file " + file + " holds no item");
        }
        return items;
    }

    private static List<LabelledItem> sequenceTsv(Path file, List<String> lines)
    {
        List<LabelledItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            String source = file.getFileName() + ":" + (i + 1);
            if (columns.length < 2 || columns.length > 3 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": expected label<TAB>text or label<TAB>text<TAB>second text, found "
                        + columns.length + " column(s)");
            }
            items.add(new LabelledItem.Text(columns[1], columns.length == 3 ? columns[2] : null, columns[0].strip(), source));
        }
        return items;
    }

    private static List<LabelledItem> tokenTsv(Path file, List<String> lines)
    {
        List<LabelledItem> items = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int first = 1;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                if (!tokens.isEmpty()) {
                    items.add(new LabelledItem.Tokens(tokens, labels, file.getFileName() + ":" + first));
                    tokens = new ArrayList<>();
                    labels = new ArrayList<>();
                }
                first = i + 2;
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": expected word<TAB>label");
            }
            tokens.add(columns[0]);
            labels.add(columns[1].strip());
        }
        return items;
    }

    private static List<LabelledItem> jsonl(Path file, List<String> lines, FinetuneKind kind)
    {
        List<LabelledItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + ", line " + (i + 1);
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            }
            catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage(), e);
            }
            String source = file.getFileName() + ":" + (i + 1);
            if (kind == FinetuneKind.TOKEN) {
                items.add(new LabelledItem.Tokens(strings(node, "tokens", where), strings(node, "labels", where), source));
            }
            else {
                JsonNode pair = node.get("text_pair");
                items.add(new LabelledItem.Text(text(node, "text", where), pair == null || pair.isNull() ? null : pair.asText(),
                        text(node, "label", where), source));
            }
        }
        return items;
    }

    private static String text(JsonNode node, String field, String where)
    {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing or empty");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String where)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a non-empty list");
        }
        List<String> strings = new ArrayList<>();
        value.forEach(element -> strings.add(element.asText()));
        return strings;
    }
}
