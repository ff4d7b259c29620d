package org.ernie4j.core.inference;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A text as the encoder sees it.
 *
 * @param pieces the word pieces of the input, {@code [CLS]} and {@code [SEP]} included
 * @param pooled the pooled vector of the first token (the usual sentence vector)
 * @param tokens one vector per piece, in the order of {@code pieces}
 */
public record Encoding(List<String> pieces, float[] pooled, float[][] tokens)
{
    public Encoding
    {
        pieces = List.copyOf(pieces);
        requireNonNull(pooled, "pooled is null");
        requireNonNull(tokens, "tokens is null");
    }
}
