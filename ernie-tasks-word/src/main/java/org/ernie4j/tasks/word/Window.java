package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * The text of one example: consecutive tokens of a document, with the entity and chunk spans that fall inside it, in
 * window coordinates (token index 0 is the window's first token, piece position 0 its first piece), and which of its
 * tokens is the first word of a sentence.
 */
final class Window
{
    private final List<Token> tokens;
    private final int[] pieceOffsets;
    private final List<Span> entities;
    private final List<Span> chunks;
    private final BitSet sentenceInitial;

    private Window(List<Token> tokens, int[] pieceOffsets, List<Span> entities, List<Span> chunks, BitSet sentenceInitial)
    {
        this.tokens = tokens;
        this.pieceOffsets = pieceOffsets;
        this.entities = entities;
        this.chunks = chunks;
        this.sentenceInitial = sentenceInitial;
    }

    /**
     * A run of tokens of one sentence, {@code [fromToken, toToken)}.
     *
     * @param firstWord the sentence's first word, as given by {@link #firstWord(Sentence)}; passed in rather than found
     * again, so that the parts of a very long sentence do not each scan it from its start
     */
    record Part(Sentence sentence, int fromToken, int toToken, int firstWord)
    {
        Part
        {
            requireNonNull(sentence, "sentence is null");
            if (fromToken < 0 || toToken <= fromToken || toToken > sentence.tokens().size()) {
                throw new IllegalArgumentException("tokens [" + fromToken + ", " + toToken + ") are not in a sentence of "
                        + sentence.tokens().size() + " tokens");
            }
            if (firstWord < -1 || firstWord >= sentence.tokens().size()) {
                throw new IllegalArgumentException("first word " + firstWord + " is not in a sentence of " + sentence.tokens().size() + " tokens");
            }
        }

        static Part whole(Sentence sentence)
        {
            return new Part(sentence, 0, sentence.tokens().size(), Window.firstWord(sentence));
        }
    }

    /**
     * The index of a sentence's first word, its first token with a letter or digit (an opening quote or bracket is not a
     * word), or -1 when it has none.
     */
    static int firstWord(Sentence sentence)
    {
        List<Token> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (Words.hasLetterOrDigit(tokens.get(i).surface())) {
                return i;
            }
        }
        return -1;
    }

    /** The window of these parts, in order. Spans that cross the edge of a part are cut to it. */
    static Window of(List<Part> parts)
    {
        List<Token> tokens = new ArrayList<>();
        List<Span> entities = new ArrayList<>();
        List<Span> chunks = new ArrayList<>();
        BitSet sentenceInitial = new BitSet();
        for (Part part : parts) {
            int base = tokens.size() - part.fromToken();
            if (part.firstWord() >= part.fromToken() && part.firstWord() < part.toToken()) {
                sentenceInitial.set(part.firstWord() + base);
            }
            tokens.addAll(part.sentence().tokens().subList(part.fromToken(), part.toToken()));
            clip(part.sentence().entities(), part, base, entities);
            clip(part.sentence().chunks(), part, base, chunks);
        }
        int[] offsets = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            offsets[i + 1] = offsets[i] + tokens.get(i).pieceCount();
        }
        return new Window(List.copyOf(tokens), offsets, List.copyOf(entities), List.copyOf(chunks), sentenceInitial);
    }

    private static void clip(List<Span> spans, Part part, int base, List<Span> into)
    {
        for (Span span : spans) {
            int start = Math.max(span.start(), part.fromToken());
            int end = Math.min(span.end(), part.toToken());
            if (start < end) {
                into.add(new Span(start + base, end + base, span.label()));
            }
        }
    }

    int tokenCount()
    {
        return tokens.size();
    }

    Token token(int index)
    {
        return tokens.get(index);
    }

    /** The position of the token's first piece in the window. */
    int firstPiece(int token)
    {
        return pieceOffsets[token];
    }

    /** The position just after the token's last piece; for {@code tokenCount()}, the window's piece count. */
    int endPiece(int token)
    {
        return pieceOffsets[token + 1];
    }

    int pieceCount()
    {
        return pieceOffsets[tokens.size()];
    }

    /** The pieces of all tokens in order. */
    int[] pieceIds()
    {
        int[] ids = new int[pieceCount()];
        copyPieces(ids, 0);
        return ids;
    }

    /**
     * The input of a single-text example: {@code [CLS]}, the window's pieces, {@code [SEP]}, all in segment 0. The pieces
     * are the document's own uncased ids.
     */
    int[] inputIds(Vocabulary vocabulary)
    {
        int[] ids = new int[pieceCount() + 2];
        ids[0] = vocabulary.clsId();
        copyPieces(ids, 1);
        ids[ids.length - 1] = vocabulary.sepId();
        return ids;
    }

    private void copyPieces(int[] into, int offset)
    {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            for (int piece = 0; piece < token.pieceCount(); piece++) {
                into[offset + pieceOffsets[i] + piece] = token.pieceId(piece);
            }
        }
    }

    /**
     * True when the token is the first word of its sentence (see {@link #firstWord(Sentence)}). The first token of a window
     * that starts inside a long sentence is not.
     */
    boolean startsSentence(int token)
    {
        return sentenceInitial.get(token);
    }

    /** Entity spans, in window token indices. */
    List<Span> entities()
    {
        return entities;
    }

    /** Chunk (phrase) spans of any length, in window token indices. */
    List<Span> chunks()
    {
        return chunks;
    }

    @Override
    public String toString()
    {
        return "Window[" + tokens.size() + " tokens, " + pieceCount() + " pieces]";
    }
}
