package org.ernie4j.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code vocabulary:} train a WordPiece vocabulary of {@code size} pieces from the corpus, or use a BERT {@code vocab.txt}.
 *
 * @param size pieces to train, special tokens included
 * @param file a BERT {@code vocab.txt} to use instead of training one
 */
public record VocabularySection(int size, String file)
{
    @JsonCreator
    public VocabularySection(@JsonProperty("size") Integer size, @JsonProperty("file") String file)
    {
        this(Defaults.or(size, 8000), file);
    }

    public static VocabularySection defaults()
    {
        return new VocabularySection((Integer) null, null);
    }
}
