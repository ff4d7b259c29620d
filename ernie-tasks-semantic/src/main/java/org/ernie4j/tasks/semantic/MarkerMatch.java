package org.ernie4j.tasks.semantic;

import static java.util.Objects.requireNonNull;

/**
 * A discourse marker found in a sentence.
 *
 * @param marker the marker as the table writes it, such as {@code for example}
 * @param relation the index of the marker's class
 * @param start the index of the marker's first token
 * @param end the index of the first token after the marker and a comma right after it: what follows the marker
 */
record MarkerMatch(String marker, int relation, int start, int end)
{
    MarkerMatch
    {
        requireNonNull(marker, "marker is null");
        if (relation < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("relation " + relation + ", tokens " + start + " to " + end);
        }
    }
}
