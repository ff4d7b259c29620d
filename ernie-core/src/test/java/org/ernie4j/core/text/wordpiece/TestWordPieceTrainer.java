package org.ernie4j.core.text.wordpiece;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuText;

public class TestWordPieceTrainer
{
    @Test
    public void mergesTheMostFrequentPairFirstWithTiesBrokenByText()
    {
        // The classic BPE example: ##e ##s and ##s ##t both occur 9 times; "##e" sorts first.
        Map<String, Long> counts = Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L);

        WordPieceVocabulary vocabulary = new WordPieceTrainer(30).train(counts);

        List<String> pieces = vocabulary.pieces();
        assertThat(pieces.subList(0, 5)).containsExactly("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
        // 10 characters in both forms, then the merges.
        assertThat(pieces.subList(5, 15)).containsExactly("d", "e", "i", "l", "n", "o", "r", "s", "t", "w");
        assertThat(pieces.subList(15, 25)).allMatch(piece -> piece.startsWith("##"));
        assertThat(pieces.subList(25, 30)).containsExactly("##es", "##est", "##ow", "low", "##ew");
        assertThat(vocabulary.tokenize("lowest newer")).containsExactly("low", "##est", "n", "##ew", "##e", "##r");
    }

    @Test
    public void stopsWhenNoPairIsFrequentEnough()
    {
        WordPieceVocabulary vocabulary = new WordPieceTrainer(1000).train(Map.of("union", 3L, "unity", 1L));

        // u ##n ##i ##o ##n, u ##n ##i ##t ##y: "##n ##i" and "u ##n" occur 4 times ("##n" sorts before "u"), then
        // "u ##ni" 4 times, "##o ##n" and "uni ##on" 3 times; every pair left occurs once.
        assertThat(vocabulary.pieces()).endsWith("##y", "##ni", "uni", "##on", "union");
        assertThat(vocabulary.tokenize("union unity")).containsExactly("union", "uni", "##t", "##y");
    }

    @Test
    public void learnsAVocabularyFromRealTextThatSpellsHeldOutText()
    {
        WordCounter counter = new WordCounter();
        counter.add(sotuText(WASHINGTON_1790));
        counter.add(sotuText(HOOVER_1932));

        WordPieceVocabulary vocabulary = new WordPieceTrainer(800).train(counter.counts());

        assertThat(vocabulary.size()).isEqualTo(800);
        assertThat(vocabulary.pieces()).contains("the", "union", "congress", "##s", "##ing");
        int[] ids = vocabulary.encode(sotuText(NIXON_1973));
        long unknown = java.util.Arrays.stream(ids).filter(id -> id == vocabulary.unkId()).count();
        assertThat(ids.length).isGreaterThan(1000);
        // Only words with a character the two training addresses never use can be unknown.
        assertThat(unknown).isLessThanOrEqualTo(ids.length / 200);
    }

    @Test
    public void isDeterministic()
    {
        WordCounter counter = new WordCounter();
        counter.add(sotuText(HOOVER_1932));
        counter.add(sotuText(NIXON_1973));

        assertThat(new WordPieceTrainer(900).train(counter.counts()).pieces())
                .isEqualTo(new WordPieceTrainer(900).train(Map.copyOf(counter.counts())).pieces());
    }

    @Test
    public void keepsTheMostFrequentCharactersWhenTheAlphabetDoesNotFit()
    {
        WordPieceVocabulary vocabulary = new WordPieceTrainer(11).train(Map.of("aab", 10L, "c", 1L, "db", 2L));

        // Room for (11 - 5) / 2 = 3 characters: a (20), b (12), d (2); c is dropped, so words with it are unknown.
        assertThat(vocabulary.pieces()).containsExactly("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "d", "##a", "##b", "##d");
        assertThat(vocabulary.tokenize("c")).containsExactly("[UNK]");
    }

    @Test
    public void rejectsAVocabularyWithoutRoomBeyondSpecialTokens()
    {
        assertThatThrownBy(() -> new WordPieceTrainer(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than the 5 special tokens");
    }
}
