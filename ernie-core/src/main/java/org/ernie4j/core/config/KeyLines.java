package org.ernie4j.core.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * The line of every key of a YAML text, by the path that {@link ConfigException} uses ({@code model.heads},
 * {@code tasks[0].settings.masking-rate}). Data binding keeps the last of two equal keys, so a second {@code training:}
 * section would silently replace the first: reading the text token by token here is what sees both, and refuses them.
 */
@PublicApi
public final class KeyLines
{
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String source;
    private final Map<String, Integer> lines;

    private KeyLines(String source, Map<String, Integer> lines)
    {
        this.source = source;
        this.lines = Map.copyOf(lines);
    }

    /**
     * The keys of {@code text}. Text that is not YAML yields the keys before the error: data binding reports the
     * syntax error itself, with its position.
     *
     * @throws ConfigException for a key given twice in one mapping, naming both lines
     */
    public static KeyLines of(String text, String source)
    {
        requireNonNull(text, "text is null");
        requireNonNull(source, "source is null");
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    continue;
                }
                String path = path(parser.getParsingContext());
                int line = parser.currentTokenLocation().getLineNr();
                Integer first = lines.putIfAbsent(path, line);
                if (first != null) {
                    throw new ConfigException(path, "given twice (" + source + ", lines " + first + " and " + line
                            + "); keep one: the second would silently replace the first");
                }
            }
        }
        catch (IOException e) {
            // Not YAML from here on: the keys read so far are all there is.
        }
        return new KeyLines(source, lines);
    }

    /** Keys of a text that has none, such as defaults. */
    public static KeyLines none(String source)
    {
        return new KeyLines(requireNonNull(source, "source is null"), Map.of());
    }

    /**
     * The line of {@code path}, or of the closest key that encloses it (the section of a key left at its default),
     * or empty when not even the section is in the text.
     */
    public Optional<Integer> lineOf(String path)
    {
        for (String key = requireNonNull(path, "path is null"); !key.isEmpty(); key = parent(key)) {
            Integer line = lines.get(key);
            if (line != null) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** Where {@code path} is, for a message: the source, and the line when the text has the key or its section. */
    public String where(String path)
    {
        return source + lineOf(path).map(line -> ", line " + line).orElse("");
    }

    /**
     * A problem of the key at {@code path} with its source and line added, unless the problem already names a
     * line (errors from data binding do).
     */
    public ConfigException locate(String path, String problem, Throwable cause)
    {
        if (problem.contains(source + ", line")) {
            return new ConfigException(path, problem, cause);
        }
        return new ConfigException(path, problem + " (" + where(path) + ")", cause);
    }

    private static String path(JsonStreamContext field)
    {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext context = field; context != null && !context.inRoot(); context = context.getParent()) {
            segments.add(context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.getCurrentName());
        }
        Collections.reverse(segments);
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    private static String parent(String path)
    {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
