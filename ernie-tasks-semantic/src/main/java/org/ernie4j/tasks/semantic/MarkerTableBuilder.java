package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the entries of a discourse-marker table in order, numbering classes as they first appear, and reports what is
 * wrong with an entry rather than throwing, so that the caller can name the line or item.
 */
final class MarkerTableBuilder
{
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final List<String> classes = new ArrayList<>();
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<Marker> inTableOrder = new ArrayList<>();
    private final Map<String, Marker> markers = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();

    /**
     * Adds an entry, or returns what is wrong with it and adds nothing.
     *
     * @param origin where the entry comes from, such as {@code line 7}, for the message of a repeated marker
     */
    String add(String markerText, String classText, String origin)
    {
        String written = WHITE_SPACE.matcher(markerText.strip()).replaceAll(" ");
        String relation = classText.strip();
        boolean commaOnly = written.endsWith(",");
        if (commaOnly) {
            written = written.substring(0, written.length() - 1).strip();
        }
        if (written.isEmpty()) {
            return "the marker is empty";
        }
        if (relation.isEmpty()) {
            return "marker '" + written + "' has no class";
        }
        if (relation.codePoints().anyMatch(Character::isWhitespace)) {
            return "class '" + relation + "' holds white space; a class is one word, such as 'contrast'";
        }
        String key = DiscourseMarkers.key(written);
        String previous = origins.putIfAbsent(key, origin);
        if (previous != null) {
            return "marker '" + written + "' repeats the marker of " + previous;
        }
        int index = classIndex.computeIfAbsent(relation, name -> {
            classes.add(name);
            return classes.size() - 1;
        });
        Marker marker = new Marker(written, index, commaOnly);
        inTableOrder.add(marker);
        markers.put(key, marker);
        return null;
    }

    /**
     * @throws IllegalArgumentException naming the source if the table has fewer than two classes
     */
    DiscourseMarkers build(String source)
    {
        if (classes.size() < 2) {
            throw new IllegalArgumentException(source + " has " + classes.size() + " relation class"
                    + (classes.size() == 1 ? " (" + classes.get(0) + ")" : "es") + ", but discourse relation needs at least 2");
        }
        return new DiscourseMarkers(classes, inTableOrder, markers);
    }
}
