package org.ernie4j.tasks.semantic;

import java.util.List;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * Two spans of text that a discourse marker relates, the marker left out of both: a sentence and the next one after the
 * marker that opens it, or the two clauses of one sentence on either side of a marker inside it.
 *
 * @param first the sentence of the first side
 * @param firstStart the first token of the first side
 * @param firstEnd the token after the first side
 * @param second the sentence of the second side, {@code first} itself for a pair inside a sentence
 * @param secondStart the first token of the second side, the one right after the marker and its comma
 * @param secondEnd the token after the second side
 * @param relation the index of the marker's class
 * @param inside whether the marker is inside a sentence rather than at its start
 */
record DiscoursePair(Sentence first, int firstStart, int firstEnd, Sentence second, int secondStart, int secondEnd, int relation, boolean inside)
{
    DiscoursePair
    {
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
        if (firstStart < 0 || firstEnd < firstStart || firstEnd > first.tokens().size()
                || secondStart < 0 || secondEnd < secondStart || secondEnd > second.tokens().size() || relation < 0) {
            throw new IllegalArgumentException("first tokens " + firstStart + " to " + firstEnd + ", second tokens " + secondStart + " to "
                    + secondEnd + ", relation " + relation);
        }
    }

    /** True when the second side holds a word: a marker may be all that a sentence says ("However, ."). */
    boolean secondHasWords()
    {
        return words(second, secondStart, secondEnd) > 0;
    }

    /**
     * The pieces of the first side without its closing punctuation: a side of one sentence ends with its full stop, a
     * clause before a marker without one, and the model should not learn from that which kind of pair it reads.
     */
    int[] firstPieces()
    {
        return Pieces.of(first, firstStart, withoutClosingPunctuation(first, firstStart, firstEnd));
    }

    /** The pieces of the second side without its closing punctuation, as for {@link #firstPieces()}. */
    int[] secondPieces()
    {
        return Pieces.of(second, secondStart, withoutClosingPunctuation(second, secondStart, secondEnd));
    }

    private static int withoutClosingPunctuation(Sentence sentence, int start, int end)
    {
        int last = end;
        while (last > start && words(sentence, last - 1, last) == 0) {
            last--;
        }
        return last;
    }

    /** The tokens of {@code [start, end)} that hold a letter or a digit. */
    static int words(Sentence sentence, int start, int end)
    {
        List<Token> tokens = sentence.tokens();
        int words = 0;
        for (int i = start; i < end; i++) {
            if (tokens.get(i).surface().codePoints().anyMatch(Character::isLetterOrDigit)) {
                words++;
            }
        }
        return words;
    }
}
