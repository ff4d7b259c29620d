package org.ernie4j.core.embed;

import java.util.List;
import java.util.Optional;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * A text as the encoder sees it.
 *
 * @param pieces the word pieces of the input, {@code [CLS]} and {@code [SEP]} included
 * @param pooled the pooled vector of the first token (BERT's sentence vector); empty for a model without a pooler, such as
 *     a sentence-transformers model, whose sentence vector is {@link #mean()}
 * @param mean the mean of the pieces' vectors, not normalised (see {@link MeanPooling})
 * @param tokens one vector per piece, in the order of {@code pieces}
 */
@PublicApi
public record Encoding(List<String> pieces, Optional<float[]> pooled, float[] mean, float[][] tokens)
{
    public Encoding
    {
        pieces = List.copyOf(pieces);
        requireNonNull(pooled, "pooled is null");
        requireNonNull(mean, "mean is null");
        requireNonNull(tokens, "tokens is null");
    }
}
