package org.ernie4j.spi.baseline;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * Descriptions of an example's input that show how it is built but not what its text says: which special pieces it
 * holds, where its text runs and segments begin and end, how long they are. Two inputs with the same description cannot
 * be told apart by a model that does not read the words, so a label that follows from the description is given away by
 * the layout.
 */
public final class InputLayout
{
    /** Positions and lengths are told apart up to this value; longer ones look alike. */
    static final int FAR = 16;

    private final Vocabulary vocabulary;

    public InputLayout(Vocabulary vocabulary)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /** The input with every run of text written as {@code w} and a segment change as {@code |}: {@code [CLS] w [SEP] | w [SEP]}. */
    public String structure(Example example)
    {
        return describe(example, false);
    }

    /**
     * Like {@link #structure} with each run of text's length, in powers of two: {@code w3} is a run of 4 to 7 pieces.
     */
    public String structureWithLengths(Example example)
    {
        return describe(example, true);
    }

    /** The kinds of the piece before a position, the piece itself and the piece after it, such as {@code [SEP] w w}. */
    public String neighbours(Example example, int position)
    {
        String before = position == 0 ? "^" : kind(example.inputId(position - 1));
        String after = position == example.length() - 1 ? "$" : kind(example.inputId(position + 1));
        return before + " " + kind(example.inputId(position)) + " " + after;
    }

    /**
     * The neighbours of a position with its segment, how far it is from the start of its segment and from the next
     * special piece (each up to {@value #FAR}): enough to know "the first word of the second segment".
     */
    public String place(Example example, int position)
    {
        int segment = example.segmentId(position);
        int fromStart = 0;
        while (position - fromStart > 0 && example.segmentId(position - fromStart - 1) == segment && fromStart < FAR) {
            fromStart++;
        }
        int toSpecial = 0;
        while (position + toSpecial + 1 < example.length() && !isSpecial(example.inputId(position + toSpecial + 1)) && toSpecial < FAR) {
            toSpecial++;
        }
        return neighbours(example, position) + " segment " + segment + " from start " + fromStart + " to special " + toSpecial;
    }

    /** {@code w} for a piece of text, the piece itself for a special piece other than {@code [UNK]}. */
    public String kind(int id)
    {
        return isSpecial(id) ? vocabulary.piece(id) : "w";
    }

    private boolean isSpecial(int id)
    {
        return vocabulary.isSpecial(id) && id != vocabulary.unkId();
    }

    private String describe(Example example, boolean lengths)
    {
        StringBuilder layout = new StringBuilder();
        int run = 0;
        for (int position = 0; position < example.length(); position++) {
            if (position > 0 && example.segmentId(position) != example.segmentId(position - 1)) {
                run = endRun(layout, run, lengths);
                layout.append(" |");
            }
            String kind = kind(example.inputId(position));
            if (kind.equals("w")) {
                run++;
                continue;
            }
            run = endRun(layout, run, lengths);
            layout.append(layout.length() == 0 ? "" : " ").append(kind);
        }
        endRun(layout, run, lengths);
        return layout.toString();
    }

    /** Writes a finished run of text, if there is one; returns the length of the next run (0). */
    private static int endRun(StringBuilder layout, int run, boolean lengths)
    {
        if (run > 0) {
            layout.append(layout.length() == 0 ? "" : " ").append('w');
            if (lengths) {
                layout.append(31 - Integer.numberOfLeadingZeros(run));
            }
        }
        return 0;
    }
}
