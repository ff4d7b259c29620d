package org.ernie4j.tasks.word;

import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

/**
 * What the word-aware tasks ask of a single token: does it hold a letter or digit, what is its first letter, does the
 * model see it as ordinary pieces. One definition for all three tasks, so that they agree on what a word is.
 */
final class Words
{
    /** Returned by {@link #firstLetter(String)} for a surface without letters. */
    static final int NO_LETTER = -1;

    private Words()
    {
    }

    /** True for a word, false for punctuation and symbols. */
    static boolean hasLetterOrDigit(String surface)
    {
        for (int i = 0; i < surface.length(); ) {
            int c = surface.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** The first letter of a surface as a code point, or {@link #NO_LETTER}. */
    static int firstLetter(String surface)
    {
        for (int i = 0; i < surface.length(); ) {
            int c = surface.codePointAt(i);
            if (Character.isLetter(c)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return NO_LETTER;
    }

    /**
     * True when one of the token's pieces is special, such as {@code [UNK]}: the model cannot see which word it is, so no
     * task asks anything of it.
     */
    static boolean hasSpecialPiece(Token token, Vocabulary vocabulary)
    {
        for (int piece = 0; piece < token.pieceCount(); piece++) {
            if (vocabulary.isSpecial(token.pieceId(piece))) {
                return true;
            }
        }
        return false;
    }
}
