package org.ernie4j.tasks.structure;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Consecutive sentences of a document, as word pieces, that fit one input of sentence reordering together.
 */
final class Paragraph
{
    private final List<int[]> sentences;
    private final int[] offsets;

    /**
     * @param sentences the pieces of each sentence, in document order; at least one, none empty
     */
    Paragraph(List<int[]> sentences)
    {
        requireNonNull(sentences, "sentences is null");
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a paragraph needs at least one sentence");
        }
        this.sentences = List.copyOf(sentences);
        this.offsets = new int[sentences.size() + 1];
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).length == 0) {
                throw new IllegalArgumentException("sentence " + i + " of a paragraph has no pieces");
            }
            offsets[i + 1] = offsets[i] + sentences.get(i).length;
        }
    }

    int sentenceCount()
    {
        return sentences.size();
    }

    int pieceCount()
    {
        return offsets[sentences.size()];
    }

    /** The pieces of sentences {@code [fromSentence, toSentence)}, one after the other. */
    int[] pieces(int fromSentence, int toSentence)
    {
        if (fromSentence < 0 || toSentence <= fromSentence || toSentence > sentences.size()) {
            throw new IndexOutOfBoundsException("sentences [" + fromSentence + ", " + toSentence + ") of " + sentences.size());
        }
        int[] pieces = new int[offsets[toSentence] - offsets[fromSentence]];
        for (int i = fromSentence; i < toSentence; i++) {
            System.arraycopy(sentences.get(i), 0, pieces, offsets[i] - offsets[fromSentence], sentences.get(i).length);
        }
        return pieces;
    }

    @Override
    public String toString()
    {
        return "Paragraph[" + sentences.size() + " sentences, " + pieceCount() + " pieces]";
    }
}
