package org.ernie4j.tasks.semantic;

import java.util.Arrays;
import java.util.List;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;

/**
 * Word pieces of tokens, and the cuts that make two texts fit one input.
 */
final class Pieces
{
    private Pieces()
    {
    }

    /** The pieces of the sentence's tokens from {@code fromToken} on, in order. */
    static int[] of(Sentence sentence, int fromToken)
    {
        return of(sentence, fromToken, sentence.tokens().size());
    }

    /** The pieces of tokens {@code [start, end)} of a sentence, in order. */
    static int[] of(Sentence sentence, int start, int end)
    {
        List<Token> tokens = sentence.tokens();
        int count = 0;
        for (int i = start; i < end; i++) {
            count += tokens.get(i).pieceCount();
        }
        int[] pieces = new int[count];
        int next = 0;
        for (int i = start; i < end; i++) {
            Token token = tokens.get(i);
            for (int piece = 0; piece < token.pieceCount(); piece++) {
                pieces[next++] = token.pieceId(piece);
            }
        }
        return pieces;
    }

    /** At most {@code length} pieces from the start. */
    static int[] head(int[] pieces, int length)
    {
        return pieces.length > length ? Arrays.copyOf(pieces, length) : pieces;
    }

    /** At most {@code length} pieces from the end. */
    static int[] tail(int[] pieces, int length)
    {
        return pieces.length > length ? Arrays.copyOfRange(pieces, pieces.length - length, pieces.length) : pieces;
    }
}
