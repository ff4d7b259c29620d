package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * The words of a passage that a keyword query can be made of, and the query drawn from them. A keyword is a noun or an
 * adjective (a Penn Treebank tag starting {@code NN} or {@code JJ}) of at least {@value #SHORTEST} letters that is not one
 * of a few adjectives that say nothing of a topic ("such", "other", "many"), with at least one known word piece: what a
 * person would type to find the passage, rather than its function words. Words are compared without case.
 */
final class Keywords
{
    static final int SHORTEST = 3;

    private static final Set<String> EMPTY_OF_TOPIC = Set.of("much", "many", "such", "other", "own", "same", "more", "most", "few", "several",
            "certain", "able", "whole", "last", "next", "former", "latter", "less", "least", "further");

    private final Vocabulary vocabulary;
    // Each distinct word by its first occurrence, in text order.
    private final Map<String, Word> words = new LinkedHashMap<>();

    /** A keyword's place in the text, its word pieces and whether the marked sentence holds it. */
    private record Word(int order, int[] pieces, boolean marked)
    {
    }

    Keywords(Vocabulary vocabulary)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /** Adds the keywords of a sentence, after those of the sentences added before it. */
    Keywords add(Sentence sentence)
    {
        return add(sentence, false);
    }

    /**
     * Adds the keywords of a sentence, after those of the sentences added before it; with {@code marked}, its words are
     * marked, wherever else they occur.
     */
    Keywords add(Sentence sentence, boolean marked)
    {
        for (Token token : sentence.tokens()) {
            String key = token.surface().toLowerCase(Locale.ROOT);
            if (isKeyword(token, key)) {
                Word known = words.get(key);
                if (known == null) {
                    words.put(key, new Word(words.size(), token.pieceIds(), marked));
                }
                else if (marked && !known.marked()) {
                    words.put(key, new Word(known.order(), known.pieces(), true));
                }
            }
        }
        return this;
    }

    /** The number of distinct keywords added. */
    int count()
    {
        return words.size();
    }

    /** The number of distinct keywords added that a marked sentence holds. */
    int markedCount()
    {
        return (int) words.values().stream().filter(Word::marked).count();
    }

    /**
     * A query of {@code marked} distinct keywords of the marked sentences and {@code unmarked} of the others (all of them
     * when there are fewer), each drawn uniformly without replacement, in text order.
     */
    int[] query(int marked, int unmarked, RandomGenerator random)
    {
        List<Word> chosen = new ArrayList<>(draw(words.values().stream().filter(Word::marked).toList(), marked, random));
        chosen.addAll(draw(words.values().stream().filter(word -> !word.marked()).toList(), unmarked, random));
        return joined(chosen);
    }

    /**
     * A query of {@code size} distinct keywords (all of them when there are fewer) drawn uniformly without replacement,
     * in text order: the pieces of each word, one word after another.
     */
    int[] query(int size, RandomGenerator random)
    {
        return joined(draw(words.values(), size, random));
    }

    /** Up to {@code size} words of {@code pool} drawn uniformly without replacement. */
    private static List<Word> draw(Collection<Word> pool, int size, RandomGenerator random)
    {
        List<Word> all = new ArrayList<>(pool);
        int taken = Math.min(size, all.size());
        // A partial Fisher-Yates shuffle: the first `taken` places hold a uniform draw without replacement.
        for (int i = 0; i < taken; i++) {
            int j = i + random.nextInt(all.size() - i);
            Word swap = all.get(i);
            all.set(i, all.get(j));
            all.set(j, swap);
        }
        return all.subList(0, taken);
    }

    /** The pieces of the words in text order, one word after another. */
    private static int[] joined(List<Word> words)
    {
        List<Word> chosen = new ArrayList<>(words);
        chosen.sort(Comparator.comparingInt(Word::order));
        int length = chosen.stream().mapToInt(word -> word.pieces().length).sum();
        int[] pieces = new int[length];
        int at = 0;
        for (Word word : chosen) {
            System.arraycopy(word.pieces(), 0, pieces, at, word.pieces().length);
            at += word.pieces().length;
        }
        return pieces;
    }

    private boolean isKeyword(Token token, String key)
    {
        if (!(token.pos().startsWith("NN") || token.pos().startsWith("JJ")) || EMPTY_OF_TOPIC.contains(key)) {
            return false;
        }
        if (key.codePoints().filter(Character::isLetter).count() < SHORTEST) {
            return false;
        }
        for (int piece = 0; piece < token.pieceCount(); piece++) {
            if (!vocabulary.isSpecial(token.pieceId(piece))) {
                return true;
            }
        }
        // A word of unknown pieces only would put an [UNK] in the query: nothing to match a line against.
        return false;
    }
}
