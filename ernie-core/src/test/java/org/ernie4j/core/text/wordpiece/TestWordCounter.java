package org.ernie4j.core.text.wordpiece;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuText;

public class TestWordCounter
{
    private static final int TINY_BOUND = 300;

    @Test
    public void belowTheBoundEveryWordIsCountedExactly()
    {
        Map<String, Long> exact = exactCounts();
        WordCounter unbounded = count(new WordCounter());
        // A bound the table reaches but never exceeds prunes nothing either.
        WordCounter atTheBound = count(new WordCounter(TokenizerSettings.UNCASED, exact.size()));

        for (WordCounter counter : List.of(unbounded, atTheBound)) {
            assertThat(counter.counts()).isEqualTo(exact);
            assertThat(counter.prunedWords()).isZero();
            assertThat(counter.maxCountLost()).isZero();
            assertThat(counter.totalWords()).isEqualTo(exact.values().stream().mapToLong(Long::longValue).sum());
        }
        assertThat(exact.size()).as("the addresses have many more distinct words than the tiny bound").isGreaterThan(4 * TINY_BOUND);
    }

    @Test
    public void aTinyBoundKeepsTheTableSmallAndTheFrequentWordsExact()
    {
        Map<String, Long> exact = exactCounts();
        WordCounter bounded = new WordCounter(TokenizerSettings.UNCASED, TINY_BOUND);
        for (String paragraph : paragraphs(WASHINGTON_1790, HOOVER_1932, NIXON_1973)) {
            bounded.add(paragraph);
            assertThat(bounded.distinctWords()).isLessThanOrEqualTo(TINY_BOUND);
        }
        Map<String, Long> pruned = bounded.counts();

        assertThat(bounded.prunedWords()).isPositive();
        assertThat(bounded.pruningThreshold()).isPositive();
        assertThat(bounded.totalWords()).as("every word is counted in the total").isEqualTo(exact.values().stream().mapToLong(Long::longValue).sum());
        long lost = bounded.maxCountLost();
        exact.forEach((word, count) -> {
            if (count > lost) {
                assertThat(pruned).as("a word more frequent than the most a count can lose is kept: %s", word).containsKey(word);
            }
            long counted = pruned.getOrDefault(word, 0L);
            assertThat(counted).as(word).isBetween(count - lost, count);
        });
        // Words frequent from the start stay above every threshold and keep their exact counts. Others lose what they had
        // when they were pruned: "we", rare in Washington's address and common in Nixon's, is counted 3 short of its 40.
        Map<String, Long> first = exactCounts(paragraphs(WASHINGTON_1790));
        List<String> frequentFromTheStart = first.keySet().stream().filter(word -> first.get(word) > lost).toList();
        assertThat(frequentFromTheStart).hasSizeGreaterThan(8).contains("the", "of", "and", "to");
        for (String word : frequentFromTheStart) {
            assertThat(pruned.get(word)).as(word).isEqualTo(exact.get(word));
        }
        assertThat(pruned.get("we")).isLessThan(exact.get("we"));
        // The same texts in the same order give the same counts.
        assertThat(count(new WordCounter(TokenizerSettings.UNCASED, TINY_BOUND)).counts()).isEqualTo(pruned);
    }

    @Test
    public void aVocabularyTrainedOnPrunedCountsHoldsTheFrequentWords()
    {
        Map<String, Long> exact = exactCounts();
        Map<String, Long> pruned = count(new WordCounter(TokenizerSettings.UNCASED, TINY_BOUND)).counts();

        WordPieceVocabulary fromExact = new WordPieceTrainer(500).train(exact);
        WordPieceVocabulary fromPruned = new WordPieceTrainer(500).train(pruned);

        List<String> frequent = mostFrequent(exact, 40).stream().filter(fromExact::contains).toList();
        assertThat(frequent).hasSizeGreaterThan(30).contains("the", "of", "and", "to");
        assertThat(frequent).allMatch(fromPruned::contains);
    }

    @Test
    public void refusesABoundBelowTwo()
    {
        assertThatThrownBy(() -> new WordCounter(TokenizerSettings.UNCASED, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDistinctWords must be at least 2: 1");
    }

    private static WordCounter count(WordCounter counter)
    {
        paragraphs(WASHINGTON_1790, HOOVER_1932, NIXON_1973).forEach(counter::add);
        return counter;
    }

    private static Map<String, Long> exactCounts()
    {
        return exactCounts(paragraphs(WASHINGTON_1790, HOOVER_1932, NIXON_1973));
    }

    /** The words of {@code paragraphs} counted one by one, as the counter did before it had a bound. */
    private static Map<String, Long> exactCounts(List<String> paragraphs)
    {
        BasicTokenizer tokenizer = new BasicTokenizer(TokenizerSettings.UNCASED);
        Map<String, Long> counts = new HashMap<>();
        for (String paragraph : paragraphs) {
            tokenizer.split(paragraph, word -> counts.merge(word, 1L, Long::sum));
        }
        return counts;
    }

    private static List<String> mostFrequent(Map<String, Long> counts, int n)
    {
        return counts.keySet().stream()
                .sorted(Comparator.<String, Long>comparing(counts::get).reversed().thenComparing(Comparator.naturalOrder()))
                .limit(n)
                .toList();
    }

    /** The paragraphs of the addresses, in order: the three in the order of their years make the corpus. */
    private static List<String> paragraphs(String... addresses)
    {
        List<String> paragraphs = new ArrayList<>();
        for (String address : addresses) {
            for (String paragraph : sotuText(address).split("\n\\s*\n")) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }
}
