package org.ernie4j.core.config;

import java.util.List;
import java.util.OptionalInt;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.WordCounter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code vocabulary:} train a WordPiece vocabulary of {@code size} pieces from the corpus, or use a BERT {@code vocab.txt};
 * and how text is normalised before it is split into pieces (uncased BERT's by default; an imported model records its
 * own tokenizer's settings here).
 *
 * @param size pieces to train, special tokens included
 * @param file a BERT {@code vocab.txt} to use instead of training one
 * @param maxLength the longest input in pieces, 0 for the model's position table
 * @param maxDistinctWords the most distinct words counted for training before the rarest are pruned (see
 * {@link WordCounter})
 */
@PublicApi
public record VocabularySection(int size, String file, boolean lowercase, boolean stripAccents, boolean splitCjk, boolean cleanText,
        int maxWordLength, int maxLength, int maxDistinctWords)
{
    @JsonCreator
    public VocabularySection(@JsonProperty("size") Integer size, @JsonProperty("file") String file, @JsonProperty("lowercase") Boolean lowercase,
            @JsonProperty("strip-accents") Boolean stripAccents, @JsonProperty("split-cjk") Boolean splitCjk,
            @JsonProperty("clean-text") Boolean cleanText, @JsonProperty("max-word-length") Integer maxWordLength,
            @JsonProperty("max-length") Integer maxLength, @JsonProperty("max-distinct-words") Integer maxDistinctWords)
    {
        this(Defaults.or(size, 8000), file, (lowercase == null || lowercase), (stripAccents == null || stripAccents), (splitCjk == null || splitCjk),
                (cleanText == null || cleanText), Defaults.or(maxWordLength, TokenizerSettings.UNCASED.maxWordLength()), Defaults.or(maxLength, 0),
                Defaults.or(maxDistinctWords, WordCounter.DEFAULT_MAX_DISTINCT_WORDS));
    }

    public static VocabularySection defaults()
    {
        return new VocabularySection((Integer) null, null, null, null, null, null, null, null, null);
    }

    /** The section of a model whose tokenizer has {@code settings}. */
    public static VocabularySection of(TokenizerSettings settings)
    {
        return new VocabularySection(null, null, settings.lowercase(), settings.stripAccents(), settings.splitCjk(), settings.cleanText(),
                settings.maxWordLength(), settings.maxLength().orElse(0), null);
    }

    /** The keys of this section that say how text is split into pieces, with the values that give {@code settings}. */
    public static List<String> tokenizerKeys(TokenizerSettings settings)
    {
        return List.of("lowercase: " + settings.lowercase(), "strip-accents: " + settings.stripAccents(), "split-cjk: " + settings.splitCjk(),
                "clean-text: " + settings.cleanText(), "max-word-length: " + settings.maxWordLength());
    }

    public TokenizerSettings tokenizer()
    {
        return new TokenizerSettings(cleanText, splitCjk, stripAccents, lowercase, maxWordLength,
                maxLength == 0 ? OptionalInt.empty() : OptionalInt.of(maxLength));
    }
}
