package org.ernie4j.spi.document;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A sentence with its tokens and annotations.
 *
 * <p>Character offsets are positions in the original document text. Phrase and entity spans are ranges of token
 * indices within this sentence.
 */
public final class Sentence
{
    private final String text;
    private final int start;
    private final List<Token> tokens;
    private final List<Span> chunks;
    private final List<Span> entities;

    /**
     * @param text the sentence as it appears in the document
     * @param start the character offset of the sentence in the document
     * @param tokens in order; their offsets are document offsets
     * @param chunks phrase spans (noun phrases, verb phrases, ...) labelled with the chunk type, such as {@code NP}
     * @param entities named-entity spans labelled with the entity type, such as {@code PROPER} or a gazetteer type
     */
    public Sentence(String text, int start, List<Token> tokens, List<Span> chunks, List<Span> entities)
    {
        this.text = requireNonNull(text, "text is null");
        this.start = start;
        this.tokens = List.copyOf(requireNonNull(tokens, "tokens is null"));
        this.chunks = List.copyOf(requireNonNull(chunks, "chunks is null"));
        this.entities = List.copyOf(requireNonNull(entities, "entities is null"));
        for (Span span : this.chunks) {
            checkSpan(span, "chunk");
        }
        for (Span span : this.entities) {
            checkSpan(span, "entity");
        }
    }

    private void checkSpan(Span span, String kind)
    {
        if (span.end() > tokens.size()) {
            throw new IllegalArgumentException(
                    kind + " span " + span + " ends after the sentence's " + tokens.size() + " tokens");
        }
    }

    public String text()
    {
        return text;
    }

    public int start()
    {
        return start;
    }

    public int end()
    {
        return start + text.length();
    }

    public List<Token> tokens()
    {
        return tokens;
    }

    public List<Span> chunks()
    {
        return chunks;
    }

    public List<Span> entities()
    {
        return entities;
    }

    /** The number of word pieces of all tokens. */
    public int pieceCount()
    {
        int count = 0;
        for (Token token : tokens) {
            count += token.pieceIds().length;
        }
        return count;
    }

    @Override
    public String toString()
    {
        return text;
    }
}
