package org.ernie4j.spi.compatibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The public API of the SPI as text: the SPI's major version and one line per public or protected type, constructor,
 * method and field. A line is an identity (what a plugin links against: the type, the member's name and erased
 * parameter types), a space, and a shape (visibility, modifiers, generic types, a constant's value). Lines are sorted,
 * so that the file a record is written to changes only where the API does.
 */
record ApiRecord(int major, SortedMap<String, String> signatures)
{
    static final String MAJOR = "spi-major ";
    /** Marks a type that a plugin can implement or extend: a new abstract method there breaks the plugin. */
    static final String IMPLEMENTABLE = "implementable";

    ApiRecord
    {
        requireNonNull(signatures, "signatures is null");
        for (String identity : signatures.keySet()) {
            if (identity.isEmpty() || identity.contains(" ")) {
                throw new IllegalArgumentException("an identity has no spaces: '" + identity + "'");
            }
        }
        signatures = Collections.unmodifiableSortedMap(new TreeMap<>(signatures));
    }

    /** Reads a record written by {@link #format(List)}; lines starting with {@code #} are comments. */
    static ApiRecord parse(String text)
    {
        Integer major = null;
        SortedMap<String, String> signatures = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(MAJOR)) {
                major = Integer.parseInt(line.substring(MAJOR.length()).strip());
                continue;
            }
            int space = line.indexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException("not a signature line: '" + line + "'");
            }
            if (signatures.put(line.substring(0, space), line.substring(space + 1)) != null) {
                throw new IllegalArgumentException("recorded twice: " + line.substring(0, space));
            }
        }
        if (major == null) {
            throw new IllegalArgumentException("no '" + MAJOR + "N' line");
        }
        return new ApiRecord(major, signatures);
    }

    /** The record as text, after these comment lines. */
    String format(List<String> comments)
    {
        List<String> lines = new ArrayList<>();
        comments.forEach(comment -> lines.add("# " + comment));
        lines.add(MAJOR + major);
        for (Map.Entry<String, String> signature : signatures.entrySet()) {
            lines.add(signature.getKey() + " " + signature.getValue());
        }
        return String.join("\n", lines) + "\n";
    }

    /** The identity of the type a member belongs to ({@code a.B#m(int)} belongs to {@code a.B}); a type's own is itself. */
    static String typeOf(String identity)
    {
        int hash = identity.indexOf('#');
        return hash < 0 ? identity : identity.substring(0, hash);
    }
}
