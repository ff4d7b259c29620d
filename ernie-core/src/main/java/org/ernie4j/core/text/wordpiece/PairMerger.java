package org.ernie4j.core.text.wordpiece;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The merge loop of {@link WordPieceTrainer}, over the table of distinct words. Each pair of adjacent symbols knows its total count and the words
 * it occurs in (a list that may hold stale entries, which are checked when used); a priority queue holds (count, pair)
 * entries, of which only those matching the pair's current count are live. Not thread-safe.
 */
final class PairMerger
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

    PairMerger(Map<String, Long> wordCounts, Set<Integer> alphabet)
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
