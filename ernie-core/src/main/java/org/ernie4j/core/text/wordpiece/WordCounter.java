package org.ernie4j.core.text.wordpiece;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Counts the normalised words of texts (see {@link BasicTokenizer}), the input of {@link WordPieceTrainer}. Only the
 * table of distinct words is kept, never the texts. Not thread-safe.
 */
public final class WordCounter
{
    private final BasicTokenizer tokenizer;
    private final Map<String, long[]> counts = new HashMap<>();
    private long total;

    /** Counts words as uncased BERT splits them. */
    public WordCounter()
    {
        this(TokenizerSettings.UNCASED);
    }

    /** Counts words as a tokenizer with {@code settings} splits them, so that a vocabulary trained on them fits it. */
    public WordCounter(TokenizerSettings settings)
    {
        this.tokenizer = new BasicTokenizer(requireNonNull(settings, "settings is null"));
    }

    public void add(String text)
    {
        requireNonNull(text, "text is null");
        tokenizer.split(text, word -> {
            counts.computeIfAbsent(word, ignored -> new long[1])[0]++;
            total++;
        });
    }

    /** The words counted so far, with their counts. */
    public Map<String, Long> counts()
    {
        Map<String, Long> copy = new HashMap<>(counts.size() * 2);
        counts.forEach((word, count) -> copy.put(word, count[0]));
        return copy;
    }

    public long totalWords()
    {
        return total;
    }

    public int distinctWords()
    {
        return counts.size();
    }
}
