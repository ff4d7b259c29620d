package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * The text of one example: consecutive tokens of a document, with the entity and chunk spans that fall inside it, in
 * window coordinates (token index 0 is the window's first token, piece position 0 its first piece).
 */
final class Window
{
    private final List<Token> tokens;
    private final int[] pieceOffsets;
    private final List<Span> entities;
    private final List<Span> chunks;

    private Window(List<Token> tokens, int[] pieceOffsets, List<Span> entities, List<Span> chunks)
    {
        this.tokens = tokens;
        this.pieceOffsets = pieceOffsets;
        this.entities = entities;
        this.chunks = chunks;
    }

    /**
     * A run of tokens of one sentence, {@code [fromToken, toToken)}.
     */
    record Part(Sentence sentence, int fromToken, int toToken)
    {
        Part
        {
            requireNonNull(sentence, "sentence is null");
            if (fromToken < 0 || toToken <= fromToken || toToken > sentence.tokens().size()) {
                throw new IllegalArgumentException("tokens [" + fromToken + ", " + toToken + ") are not in a sentence of "
                        + sentence.tokens().size() + " tokens");
            }
        }

        static Part whole(Sentence sentence)
        {
            return new Part(sentence, 0, sentence.tokens().size());
        }
    }

    /** The window of these parts, in order. Spans that cross the edge of a part are cut to it. */
    static Window of(List<Part> parts)
    {
        List<Token> tokens = new ArrayList<>();
        List<Span> entities = new ArrayList<>();
        List<Span> chunks = new ArrayList<>();
        for (Part part : parts) {
            int base = tokens.size() - part.fromToken();
            tokens.addAll(part.sentence().tokens().subList(part.fromToken(), part.toToken()));
            clip(part.sentence().entities(), part, base, entities);
            clip(part.sentence().chunks(), part, base, chunks);
        }
        int[] offsets = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            offsets[i + 1] = offsets[i] + tokens.get(i).pieceCount();
        }
        return new Window(List.copyOf(tokens), offsets, List.copyOf(entities), List.copyOf(chunks));
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
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            for (int piece = 0; piece < token.pieceCount(); piece++) {
                ids[pieceOffsets[i] + piece] = token.pieceId(piece);
            }
        }
        return ids;
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
