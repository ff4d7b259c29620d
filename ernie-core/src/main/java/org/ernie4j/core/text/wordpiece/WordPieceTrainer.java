package org.ernie4j.core.text.wordpiece;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Learns a WordPiece vocabulary of a given size from word counts.
 *
 * <p>Every word starts as its characters, the first as itself and the rest with the {@code ##} prefix ("the" is t ##h
 * ##e). The trainer then repeatedly merges the adjacent pair of pieces that occurs most often in the corpus (plain
 * frequency, counted over word occurrences) into a new piece, until the vocabulary has the requested size or no pair
 * occurs at least {@code minPairCount} times. Frequency rather than the likelihood score count(ab) / (count(a) count(b))
 * because that score ranks pairs of rare pieces highest (a pair seen once whose parts are seen once scores 1), spending
 * a small vocabulary on rare whole words, and because a merge then changes the counts of only the pairs next to it,
 * which keeps every step proportional to the words that contain the merged pair.
 *
 * <p>The vocabulary is: {@code [PAD]}, {@code [UNK]}, {@code [CLS]}, {@code [SEP]}, {@code [MASK]} as ids 0 to 4; every
 * character of the words in both forms ("e" and "##e", so that any word of known characters can be spelled); then the
 * merged pieces in the order they were learned. Ties are broken by the pieces' text, so the result depends on nothing but
 * the counts. When the characters alone would overflow the vocabulary, only the most frequent are kept, and words with
 * any other character are left out of training.
 */
public final class WordPieceTrainer
{
    private static final Logger log = LoggerFactory.getLogger(WordPieceTrainer.class);

    public static final int DEFAULT_MIN_PAIR_COUNT = 2;

    private final int vocabularySize;
    private final int minPairCount;

    public WordPieceTrainer(int vocabularySize)
    {
        this(vocabularySize, DEFAULT_MIN_PAIR_COUNT);
    }

    /**
     * @param vocabularySize the number of pieces wanted, special tokens included
     * @param minPairCount the least number of occurrences for a pair to be merged
     */
    public WordPieceTrainer(int vocabularySize, int minPairCount)
    {
        if (vocabularySize <= WordPieceVocabulary.SPECIAL_TOKENS.size()) {
            throw new IllegalArgumentException("vocabularySize must be larger than the "
                    + WordPieceVocabulary.SPECIAL_TOKENS.size() + " special tokens: " + vocabularySize);
        }
        if (minPairCount < 1) {
            throw new IllegalArgumentException("minPairCount must be positive: " + minPairCount);
        }
        this.vocabularySize = vocabularySize;
        this.minPairCount = minPairCount;
    }

    /**
     * @param wordCounts normalised words (as {@link WordCounter} counts them) and how often each occurs
     */
    public WordPieceVocabulary train(Map<String, Long> wordCounts)
    {
        requireNonNull(wordCounts, "wordCounts is null");
        long started = System.nanoTime();
        // Sorted, so that word indices, and with them everything below, do not depend on the map's iteration order.
        TreeMap<String, Long> words = new TreeMap<>();
        wordCounts.forEach((word, count) -> {
            if (count > 0 && !word.isEmpty() && word.codePointCount(0, word.length()) <= WordPieceVocabulary.MAX_WORD_LENGTH) {
                words.put(word, count);
            }
        });
        Set<Integer> alphabet = alphabet(words);
        PairMerger merger = new PairMerger(words, alphabet);

        Set<String> pieces = new LinkedHashSet<>(WordPieceVocabulary.SPECIAL_TOKENS);
        alphabet.stream().sorted().forEach(codePoint -> pieces.add(Character.toString(codePoint)));
        alphabet.stream().sorted().forEach(codePoint -> pieces.add(WordPieceVocabulary.CONTINUATION + Character.toString(codePoint)));
        int merges = 0;
        while (pieces.size() < vocabularySize) {
            String merged = merger.mergeBestPair(minPairCount);
            if (merged == null) {
                break;
            }
            pieces.add(merged);
            merges++;
        }
        if (pieces.size() < vocabularySize) {
            log.info("WordPiece vocabulary has {} pieces, fewer than the {} asked for: no pair of pieces occurs {} times or more",
                    pieces.size(), vocabularySize, minPairCount);
        }
        log.debug("Trained {} pieces ({} characters, {} merges) from {} distinct words in {} ms", pieces.size(),
                alphabet.size(), merges, words.size(), (System.nanoTime() - started) / 1_000_000);
        return WordPieceVocabulary.of(new ArrayList<>(pieces));
    }

    /** The characters to start from: all, or the most frequent ones when both forms of all would not fit. */
    private Set<Integer> alphabet(Map<String, Long> words)
    {
        Map<Integer, Long> frequencies = new HashMap<>();
        words.forEach((word, count) -> word.codePoints().forEach(codePoint -> frequencies.merge(codePoint, count, Long::sum)));
        int room = (vocabularySize - WordPieceVocabulary.SPECIAL_TOKENS.size()) / 2;
        List<Integer> byFrequency = new ArrayList<>(frequencies.keySet());
        byFrequency.sort(Comparator.<Integer, Long>comparing(frequencies::get).reversed().thenComparing(Comparator.naturalOrder()));
        if (byFrequency.size() > room) {
            log.warn("The words have {} distinct characters; the vocabulary of {} has room for the {} most frequent only",
                    byFrequency.size(), vocabularySize, room);
        }
        return new LinkedHashSet<>(byFrequency.subList(0, Math.min(room, byFrequency.size())));
    }
}
