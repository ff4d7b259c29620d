package org.ernie4j.core.text.annotate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ernie4j.spi.document.Span;

import static java.util.Objects.requireNonNull;

/**
 * A user's list of entity phrases with their types, such as {@code Federal Reserve<TAB>ORG}. Phrases are matched on token
 * sequences, case-sensitively, leftmost first and longest first, without overlaps. Immutable and thread-safe.
 *
 * <p>The file is UTF-8 with one {@code phrase<TAB>type} per line; blank lines and lines starting with {@code #} are
 * ignored. A phrase is split into tokens by the same tokenizer as the text, so that "Washington's" in a gazetteer
 * matches what the text's tokenizer makes of it. A type is one word without white space, since it becomes a BIO label.
 */
public final class Gazetteer
{
    private static final Gazetteer EMPTY = new Gazetteer(Map.of(), 0);

    private record Entry(String[] tokens, String type) {}

    private final Map<String, List<Entry>> byFirstToken;
    private final int size;

    private Gazetteer(Map<String, List<Entry>> byFirstToken, int size)
    {
        this.byFirstToken = byFirstToken;
        this.size = size;
    }

    public static Gazetteer empty()
    {
        return EMPTY;
    }

    /**
     * @param tokenizer splits a phrase into tokens, as the text is split
     * @throws GazetteerException naming the file and line of a malformed entry
     */
    public static Gazetteer load(Path file, Function<String, String[]> tokenizer)
    {
        requireNonNull(file, "file is null");
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), tokenizer);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read gazetteer " + file, e);
        }
    }

    /**
     * @param source names the lines' origin in error messages
     */
    public static Gazetteer parse(List<String> lines, String source, Function<String, String[]> tokenizer)
    {
        requireNonNull(lines, "lines is null");
        requireNonNull(source, "source is null");
        requireNonNull(tokenizer, "tokenizer is null");
        Map<List<String>, String> types = new HashMap<>();
        Map<List<String>, Integer> definedOn = new HashMap<>();
        Map<String, List<Entry>> byFirstToken = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String line = index == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(index);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2) {
                throw error(source, lineNumber, "expected 'phrase<TAB>type' but found " + (fields.length - 1) + " tabs: " + line);
            }
            String phrase = fields[0].strip();
            String type = fields[1].strip();
            if (phrase.isEmpty() || type.isEmpty()) {
                throw error(source, lineNumber, "empty phrase or type: " + line);
            }
            if (type.codePoints().anyMatch(Character::isWhitespace)) {
                throw error(source, lineNumber, "type '" + type + "' has white space");
            }
            String[] tokens = tokenizer.apply(phrase);
            if (tokens.length == 0) {
                throw error(source, lineNumber, "phrase '" + phrase + "' has no tokens");
            }
            List<String> key = List.of(tokens);
            String previous = types.putIfAbsent(key, type);
            if (previous != null) {
                if (!previous.equals(type)) {
                    throw error(source, lineNumber, "phrase '" + phrase + "' has type " + type + " but line "
                            + definedOn.get(key) + " gives it type " + previous);
                }
                continue;
            }
            definedOn.put(key, lineNumber);
            byFirstToken.computeIfAbsent(tokens[0], ignored -> new ArrayList<>()).add(new Entry(tokens, type));
        }
        // Longest first; equal lengths in file order, which cannot matter since equal phrases were merged above.
        byFirstToken.replaceAll((first, entries) -> entries.stream()
                .sorted(Comparator.comparingInt((Entry entry) -> entry.tokens().length).reversed())
                .toList());
        return new Gazetteer(Map.copyOf(byFirstToken), types.size());
    }

    private static GazetteerException error(String source, int line, String problem)
    {
        return new GazetteerException("Gazetteer " + source + ", line " + line + ": " + problem);
    }

    /** The number of distinct phrases. */
    public int size()
    {
        return size;
    }

    /** The matches in a sentence's tokens: leftmost first, longest first, not overlapping, in token order. */
    public List<Span> find(String[] tokens)
    {
        if (byFirstToken.isEmpty()) {
            return List.of();
        }
        List<Span> matches = new ArrayList<>();
        int start = 0;
        while (start < tokens.length) {
            Entry match = longestMatch(tokens, start);
            if (match == null) {
                start++;
            }
            else {
                matches.add(new Span(start, start + match.tokens().length, match.type()));
                start += match.tokens().length;
            }
        }
        return matches;
    }

    private Entry longestMatch(String[] tokens, int start)
    {
        List<Entry> candidates = byFirstToken.get(tokens[start]);
        if (candidates == null) {
            return null;
        }
        for (Entry candidate : candidates) {
            int end = start + candidate.tokens().length;
            if (end <= tokens.length && Arrays.equals(candidate.tokens(), 0, candidate.tokens().length, tokens, start, end)) {
                return candidate;
            }
        }
        return null;
    }
}
