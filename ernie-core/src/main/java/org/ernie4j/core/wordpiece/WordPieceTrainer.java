package org.ernie4j.core.wordpiece;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
        Merger merger = new Merger(words, alphabet);

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

    /**
     * The merge loop over the table of distinct words. Each pair of adjacent symbols knows its total count and the words
     * it occurs in (a list that may hold stale entries, which are checked when used); a priority queue holds (count, pair)
     * entries, of which only those matching the pair's current count are live.
     */
    private static final class Merger
    {
        private final List<String> symbols = new ArrayList<>();
        private final Map<String, Integer> symbolIds = new HashMap<>();
        private final int[][] words;
        private final int[] lengths;
        private final long[] counts;
        private final int[] stamps;
        private final Map<Long, Pair> pairs = new HashMap<>();
        private final PriorityQueue<Candidate> queue;
        private int merges;

        Merger(Map<String, Long> wordCounts, Set<Integer> alphabet)
        {
            queue = new PriorityQueue<>(Comparator.comparingLong(Candidate::count).reversed()
                    .thenComparing(candidate -> symbols.get(candidate.left()))
                    .thenComparing(candidate -> symbols.get(candidate.right())));
            List<int[]> spelled = new ArrayList<>();
            List<Long> spelledCounts = new ArrayList<>();
            wordCounts.forEach((word, count) -> {
                if (word.codePoints().allMatch(alphabet::contains)) {
                    spelled.add(spell(word));
                    spelledCounts.add(count);
                }
            });
            words = spelled.toArray(new int[0][]);
            lengths = new int[words.length];
            counts = new long[words.length];
            stamps = new int[words.length];
            for (int word = 0; word < words.length; word++) {
                lengths[word] = words[word].length;
                counts[word] = spelledCounts.get(word);
                for (int i = 0; i + 1 < lengths[word]; i++) {
                    Pair pair = pair(words[word][i], words[word][i + 1]);
                    pair.count += counts[word];
                    pair.addWord(word);
                }
            }
            pairs.forEach((key, pair) -> queue.add(new Candidate(pair.count, left(key), right(key))));
        }

        private int[] spell(String word)
        {
            int[] spelled = new int[word.codePointCount(0, word.length())];
            int index = 0;
            for (int i = 0; i < word.length(); ) {
                int codePoint = word.codePointAt(i);
                String character = Character.toString(codePoint);
                spelled[index] = symbol(i == 0 ? character : WordPieceVocabulary.CONTINUATION + character);
                index++;
                i += Character.charCount(codePoint);
            }
            return spelled;
        }

        /** Merges the most frequent pair and returns the new piece, or null when no pair occurs often enough. */
        String mergeBestPair(int minPairCount)
        {
            while (!queue.isEmpty()) {
                Candidate best = queue.poll();
                long key = key(best.left(), best.right());
                Pair pair = pairs.get(key);
                if (pair == null || pair.count != best.count()) {
                    continue;
                }
                if (best.count() < minPairCount) {
                    return null;
                }
                String right = symbols.get(best.right());
                String merged = symbols.get(best.left()) + right.substring(right.startsWith(WordPieceVocabulary.CONTINUATION) ? 2 : 0);
                merge(key, pair, best.left(), best.right(), symbol(merged));
                return merged;
            }
            return null;
        }

        private void merge(long key, Pair pair, int left, int right, int merged)
        {
            merges++;
            Map<Long, Long> changes = new HashMap<>();
            for (int index = 0; index < pair.words.size(); index++) {
                int word = pair.words.get(index);
                if (stamps[word] == merges) {
                    continue;
                }
                stamps[word] = merges;
                int[] symbols = words[word];
                int length = lengths[word];
                long count = counts[word];
                // Take the word's pairs out, rewrite the word, put its pairs back: only the pairs next to a merge change.
                for (int i = 0; i + 1 < length; i++) {
                    changes.merge(key(symbols[i], symbols[i + 1]), -count, Long::sum);
                }
                int written = 0;
                for (int i = 0; i < length; ) {
                    if (i + 1 < length && symbols[i] == left && symbols[i + 1] == right) {
                        symbols[written++] = merged;
                        i += 2;
                    }
                    else {
                        symbols[written++] = symbols[i++];
                    }
                }
                lengths[word] = written;
                for (int i = 0; i + 1 < written; i++) {
                    long pairKey = key(symbols[i], symbols[i + 1]);
                    changes.merge(pairKey, count, Long::sum);
                    if (symbols[i] == merged || symbols[i + 1] == merged) {
                        pair(symbols[i], symbols[i + 1]).addWord(word);
                    }
                }
            }
            changes.forEach((changedKey, change) -> {
                if (change == 0) {
                    return;
                }
                Pair changed = pairs.get(changedKey);
                changed.count += change;
                if (changed.count > 0) {
                    queue.add(new Candidate(changed.count, left(changedKey), right(changedKey)));
                }
                else {
                    pairs.remove(changedKey);
                }
            });
            if (pairs.get(key) == pair && pair.count > 0) {
                throw new IllegalStateException("pair " + symbols.get(left) + " " + symbols.get(right) + " survived its merge");
            }
        }

        private int symbol(String piece)
        {
            Integer id = symbolIds.get(piece);
            if (id == null) {
                id = symbols.size();
                symbols.add(piece);
                symbolIds.put(piece, id);
            }
            return id;
        }

        private Pair pair(int left, int right)
        {
            return pairs.computeIfAbsent(key(left, right), ignored -> new Pair());
        }

        private static long key(int left, int right)
        {
            return ((long) left << 32) | (right & 0xffffffffL);
        }

        private static int left(long key)
        {
            return (int) (key >>> 32);
        }

        private static int right(long key)
        {
            return (int) key;
        }
    }

    private static final class Pair
    {
        private long count;
        private final IntList words = new IntList(4);

        void addWord(int word)
        {
            if (words.isEmpty() || words.last() != word) {
                words.add(word);
            }
        }
    }

    private record Candidate(long count, int left, int right) {}
}
