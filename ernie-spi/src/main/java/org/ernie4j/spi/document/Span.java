package org.ernie4j.spi.document;

import static java.util.Objects.requireNonNull;

/**
 * A labelled range of tokens within a sentence, {@code [start, end)}.
 *
 * @param start index of the first token
 * @param end index just after the last token; greater than {@code start}
 * @param label the span's type, such as {@code NP} for a phrase or {@code PROPER} for an entity
 */
public record Span(int start, int end, String label)
{
    public Span
    {
        requireNonNull(label, "label is null");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is empty or negative");
        }
    }

    public int length()
    {
        return end - start;
    }

    public boolean contains(int tokenIndex)
    {
        return tokenIndex >= start && tokenIndex < end;
    }
}
