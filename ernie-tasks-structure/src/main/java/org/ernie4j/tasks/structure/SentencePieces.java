package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;

/**
 * The word pieces of sentences, read once per document so that building an example copies arrays rather than walking
 * tokens again.
 */
final class SentencePieces
{
    private SentencePieces()
    {
    }

    /** The pieces of all tokens of a sentence, in order. */
    static int[] of(Sentence sentence)
    {
        int[] pieces = new int[sentence.pieceCount()];
        int next = 0;
        for (Token token : sentence.tokens()) {
            for (int i = 0; i < token.pieceCount(); i++) {
                pieces[next++] = token.pieceId(i);
            }
        }
        return pieces;
    }

    /**
     * The pieces of every sentence that has any, in document order. Sentences without tokens (a sentence splitter's
     * leftovers) hold no text, so the sentences on either side of one are neighbours.
     */
    static List<int[]> ofDocument(Document document)
    {
        List<int[]> sentences = new ArrayList<>(document.sentences().size());
        for (Sentence sentence : document.sentences()) {
            if (sentence.pieceCount() > 0) {
                sentences.add(of(sentence));
            }
        }
        return sentences;
    }
}
