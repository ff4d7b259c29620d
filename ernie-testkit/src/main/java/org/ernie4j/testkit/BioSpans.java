package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Span;

import static java.util.Objects.requireNonNull;

/**
 * Turns one BIO column of annotated text (such as {@code B-NP I-NP O}) into spans, one token's tag at a time.
 */
final class BioSpans
{
    private final String column;
    private final List<Span> spans = new ArrayList<>();
    private String openLabel;
    private int openStart;

    /**
     * @param column the column's name for messages, such as {@code chunk}
     */
    BioSpans(String column)
    {
        this.column = requireNonNull(column, "column is null");
    }

    /** Takes the tag of token {@code index}; returns what is wrong with it, or null. */
    String tag(String tag, int index)
    {
        if (tag.equals("O")) {
            end(index);
            return null;
        }
        if (tag.length() < 3 || tag.charAt(1) != '-' || (tag.charAt(0) != 'B' && tag.charAt(0) != 'I')) {
            return column + " tag '" + tag + "' is not O, B-<type> or I-<type>";
        }
        String label = tag.substring(2);
        if (tag.charAt(0) == 'B') {
            end(index);
            openLabel = label;
            openStart = index;
            return null;
        }
        if (!label.equals(openLabel)) {
            return column + " tag '" + tag + "' continues no " + label + " span";
        }
        return null;
    }

    /** Closes the open span, if any, before token {@code index}. */
    void end(int index)
    {
        if (openLabel != null) {
            spans.add(new Span(openStart, index, openLabel));
            openLabel = null;
        }
    }

    List<Span> spans()
    {
        return List.copyOf(spans);
    }
}
