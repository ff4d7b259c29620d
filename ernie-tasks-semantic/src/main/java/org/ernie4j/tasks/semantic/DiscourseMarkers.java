package org.ernie4j.tasks.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * A table of discourse markers grouped into relation classes, and the matcher that finds a marker at the start of a
 * sentence, or at a given token inside one ({@link ClauseSplits} decides where a marker may open a clause).
 *
 * <h2>Table format</h2>
 * One marker per line, {@code marker<TAB>class}, in UTF-8. A marker is one or more words; written with a trailing comma
 * ({@code however,}) it matches only when a comma follows it. Blank lines and lines starting with {@code #} are ignored.
 * Classes are numbered from 0 in the order they first appear, and that number is the label the model predicts. A table
 * needs at least two classes; a marker may appear only once. The shipped English table ({@link #english()},
 * {@code english-discourse-markers.tsv} in the plugin jar) has 170 markers in 11 classes.
 *
 * <h2>Matching</h2>
 * A marker matches the leading tokens of a sentence when their surfaces, joined without spaces, equal the marker without
 * its spaces, compared case-insensitively (Unicode compatibility form, lower case, typographic apostrophes made plain).
 * Joining without spaces makes a marker independent of how the tokenizer split it: {@code that's why} matches the tokens
 * {@code That 's why} as well as {@code That's why}. A match must end at a token boundary, and the longest matching marker
 * wins ({@code as a result} before a hypothetical {@code as}). A comma token right after the marker belongs to the match:
 * the task removes the marker's tokens and that comma, and nothing else.
 *
 * <p>Instances are immutable and safe to share; matching a sentence costs a few hash lookups, however large the table.
 */
public final class DiscourseMarkers
{
    static final String ENGLISH_RESOURCE = "english-discourse-markers.tsv";

    private final List<String> classes;
    private final List<Marker> inTableOrder;
    private final Map<String, Marker> markers;
    private final int longestKey;

    /**
     * @param inTableOrder the markers in the order of the table
     * @param markers the same markers by their key: the marker without spaces, {@link #normalize normalized}
     */
    DiscourseMarkers(List<String> classes, List<Marker> inTableOrder, Map<String, Marker> markers)
    {
        this.classes = List.copyOf(classes);
        this.inTableOrder = List.copyOf(inTableOrder);
        this.markers = Map.copyOf(markers);
        this.longestKey = markers.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The shipped English table, read once. */
    public static DiscourseMarkers english()
    {
        return English.MARKERS;
    }

    /**
     * Reads a table file.
     *
     * @throws IllegalArgumentException naming the file and line of the first error
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DiscourseMarkers load(Path file)
    {
        requireNonNull(file, "file is null");
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read discourse-marker table " + file, e);
        }
    }

    /**
     * Parses the lines of a table; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException naming the source and line of the first error
     */
    public static DiscourseMarkers parse(List<String> lines, String source)
    {
        requireNonNull(lines, "lines is null");
        requireNonNull(source, "source is null");
        MarkerTableBuilder builder = new MarkerTableBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 2) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected marker<TAB>class, found "
                        + columns.length + " tab-separated column" + (columns.length == 1 ? "" : "s") + ": '" + line + "'");
            }
            String problem = builder.add(columns[0], columns[1], "line " + (i + 1));
            if (problem != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + problem);
            }
        }
        return builder.build(source);
    }

    /**
     * A table of {@code marker=class} entries, as the task's {@code markers} setting gives them.
     *
     * @throws IllegalArgumentException naming the first bad entry by its index
     */
    public static DiscourseMarkers ofEntries(List<String> entries)
    {
        requireNonNull(entries, "entries is null");
        MarkerTableBuilder builder = new MarkerTableBuilder();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int equals = entry.lastIndexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("item " + i + " ('" + entry + "') is not marker=class");
            }
            String problem = builder.add(entry.substring(0, equals), entry.substring(equals + 1), "item " + i);
            if (problem != null) {
                throw new IllegalArgumentException("item " + i + ": " + problem);
            }
        }
        return builder.build("the list");
    }

    /**
     * The same markers in coarser classes: each class named in {@code groupOf} becomes the class it maps to, the others
     * stay as they are; classes are numbered in the order they first appear, as in the table.
     */
    DiscourseMarkers grouped(Map<String, String> groupOf)
    {
        List<String> groups = new ArrayList<>();
        int[] group = new int[classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            String name = groupOf.getOrDefault(classes.get(i), classes.get(i));
            if (!groups.contains(name)) {
                groups.add(name);
            }
            group[i] = groups.indexOf(name);
        }
        Map<String, Marker> regrouped = new HashMap<>();
        markers.forEach((key, marker) -> regrouped.put(key, marker.inClass(group[marker.relation()])));
        List<Marker> inOrder = inTableOrder.stream().map(marker -> marker.inClass(group[marker.relation()])).toList();
        return new DiscourseMarkers(groups, inOrder, regrouped);
    }

    /** The relation classes, the label of each being its index. */
    public List<String> classes()
    {
        return classes;
    }

    /** The number of markers. */
    public int size()
    {
        return markers.size();
    }

    /** The markers of each class as written in the table (a comma-only marker with its comma), in table order. */
    public Map<String, List<String>> markersByClass()
    {
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        for (Marker marker : inTableOrder) {
            byClass.computeIfAbsent(classes.get(marker.relation()), name -> new ArrayList<>())
                    .add(marker.commaOnly() ? marker.written() + "," : marker.written());
        }
        byClass.replaceAll((name, written) -> List.copyOf(written));
        return Collections.unmodifiableMap(byClass);
    }

    /** The longest marker the sentence begins with, if any. */
    Optional<MarkerMatch> match(Sentence sentence)
    {
        return matchAt(sentence, 0);
    }

    /** The longest marker that begins at token {@code start} of the sentence, if any. */
    Optional<MarkerMatch> matchAt(Sentence sentence, int start)
    {
        List<Token> tokens = sentence.tokens();
        StringBuilder key = new StringBuilder();
        MarkerMatch longest = null;
        for (int i = start; i < tokens.size(); i++) {
            key.append(normalize(tokens.get(i).surface()));
            if (key.length() > longestKey) {
                break;
            }
            Marker marker = markers.get(key.toString());
            if (marker == null) {
                continue;
            }
            boolean comma = i + 1 < tokens.size() && tokens.get(i + 1).surface().equals(",");
            if (comma || !marker.commaOnly()) {
                longest = new MarkerMatch(marker.written(), marker.relation(), start, i + 1 + (comma ? 1 : 0));
            }
        }
        return Optional.ofNullable(longest);
    }

    /** True when the table has this marker, written as the table writes it, with or without its trailing comma. */
    boolean contains(String written)
    {
        return markers.containsKey(key(written));
    }

    /**
     * The key of a marker: without spaces, so that it matches however a tokenizer split it ("that's" or "that 's"),
     * without a trailing comma, {@link #normalize normalized}.
     */
    static String key(String written)
    {
        String key = normalize(written.replace(" ", ""));
        return key.endsWith(",") ? key.substring(0, key.length() - 1) : key;
    }

    /** The form in which markers and token surfaces are compared. */
    static String normalize(String text)
    {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'');
    }

    @Override
    public String toString()
    {
        return "DiscourseMarkers[" + markers.size() + " markers in " + classes.size() + " classes " + classes + "]";
    }

    // Initialization-on-demand holder: read on first use, immutable afterwards.
    private static final class English
    {
        static final DiscourseMarkers MARKERS = readEnglish();
    }

    private static DiscourseMarkers readEnglish()
    {
        try (InputStream in = DiscourseMarkers.class.getResourceAsStream(ENGLISH_RESOURCE)) {
            if (in == null) {
                // Only a broken build can get here: the table is packaged with the class.
                throw new IllegalStateException("discourse-marker table " + ENGLISH_RESOURCE + " is missing from the plugin jar");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return parse(lines, ENGLISH_RESOURCE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read discourse-marker table " + ENGLISH_RESOURCE, e);
        }
    }
}
