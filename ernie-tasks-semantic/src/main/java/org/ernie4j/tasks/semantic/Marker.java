package org.ernie4j.tasks.semantic;

import static java.util.Objects.requireNonNull;

/**
 * A discourse marker of a table.
 *
 * @param written the marker as the table writes it, without a trailing comma, such as {@code for example}
 * @param relation the index of its class
 * @param commaOnly whether it matches only when a comma follows it
 */
record Marker(String written, int relation, boolean commaOnly)
{
    Marker
    {
        requireNonNull(written, "written is null");
    }

    /** The same marker in another class. */
    Marker inClass(int relation)
    {
        return new Marker(written, relation, commaOnly);
    }
}
