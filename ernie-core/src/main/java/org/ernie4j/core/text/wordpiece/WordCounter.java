package org.ernie4j.core.text.wordpiece;

import java.util.HashMap;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Counts the normalised words of texts (see {@link BasicTokenizer}), the input of {@link WordPieceTrainer}. Only the
 * table of distinct words is kept, never the texts, and that table is bounded: when it holds more than
 * {@code maxDistinctWords} words, the rarest are pruned (every word counted at most a threshold times, the threshold
 * rising from 1 until the table is down to half the bound, and never falling back), so that memory stays bounded
 * however large the corpus. Not thread-safe.
 *
 * <p>What pruning costs: a pruned word's count so far is lost; if it occurs again it is counted from zero. A word
 * therefore ends up counted short by at most the sum of the thresholds of the prunings ({@link #maxCountLost()}), and
 * only if it was pruned: a word that occurs more often than that is in the table at the end, and a word that was never
 * at or below the threshold when a pruning happened (the corpus's frequent words, once they have been seen a few times)
 * keeps its exact count. The words lost entirely are the rare ones, which a vocabulary of a few thousand pieces is not
 * made of anyway. Until the bound is reached nothing is pruned and the counts are exact. The result depends only on the
 * texts and their order.
 */
@PublicApi
public final class WordCounter
{
    private static final Logger log = LoggerFactory.getLogger(WordCounter.class);

    /** Enough for the distinct words of gigabytes of English; an estimated 120 to 150 bytes each on the heap (entry, string, count). */
    public static final int DEFAULT_MAX_DISTINCT_WORDS = 2_000_000;

    private final BasicTokenizer tokenizer;
    private final int maxDistinctWords;
    private final Map<String, long[]> counts = new HashMap<>();
    private long total;
    private long threshold;
    private long maxCountLost;
    private long prunings;
    private long prunedWords;

    /** Counts words as uncased BERT splits them. */
    public WordCounter()
    {
        this(TokenizerSettings.UNCASED);
    }

    /** Counts words as a tokenizer with {@code settings} splits them, so that a vocabulary trained on them fits it. */
    public WordCounter(TokenizerSettings settings)
    {
        this(settings, DEFAULT_MAX_DISTINCT_WORDS);
    }

    /**
     * @param maxDistinctWords the most distinct words the table holds before the rarest are pruned; at least 2
     */
    public WordCounter(TokenizerSettings settings, int maxDistinctWords)
    {
        this.tokenizer = new BasicTokenizer(requireNonNull(settings, "settings is null"));
        if (maxDistinctWords < 2) {
            throw new IllegalArgumentException("maxDistinctWords must be at least 2: " + maxDistinctWords);
        }
        this.maxDistinctWords = maxDistinctWords;
    }

    public void add(String text)
    {
        requireNonNull(text, "text is null");
        tokenizer.split(text, word -> {
            counts.computeIfAbsent(word, ignored -> new long[1])[0]++;
            total++;
            if (counts.size() > maxDistinctWords) {
                prune();
            }
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

    /** The distinct words in the table: all the distinct words seen unless some were pruned. */
    public int distinctWords()
    {
        return counts.size();
    }

    /** The most distinct words the table holds. */
    public int maxDistinctWords()
    {
        return maxDistinctWords;
    }

    /** Words removed from the table by pruning, each time it was removed; 0 while the bound was never reached. */
    public long prunedWords()
    {
        return prunedWords;
    }

    /** The highest count at which words were pruned; 0 while the bound was never reached. */
    public long pruningThreshold()
    {
        return threshold;
    }

    /** The most any word's count can be short of its true count: the sum of the thresholds of all prunings. */
    public long maxCountLost()
    {
        return maxCountLost;
    }

    /** Drops the rarest words until the table is down to half the bound, so that pruning is rare. */
    private void prune()
    {
        int before = counts.size();
        int target = maxDistinctWords / 2;
        threshold = Math.max(threshold, 1);
        counts.values().removeIf(count -> count[0] <= threshold);
        while (counts.size() > target) {
            threshold++;
            counts.values().removeIf(count -> count[0] <= threshold);
        }
        prunings++;
        maxCountLost += threshold;
        prunedWords += before - counts.size();
        log.info("Word counts reached {} distinct words: pruned {} counted at most {} times ({} words pruned in {} prunings so far;"
                + " a count is short by at most {})", before, before - counts.size(), threshold, prunedWords, prunings, maxCountLost);
    }
}
