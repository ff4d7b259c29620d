package org.ernie4j.tasks.word;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestUnitReplacement
{
    private static final TestingVocabulary VOCABULARY = SmallVocabulary.VOCABULARY;
    private static final MaskingUnit UNIT = new MaskingUnit(MaskingUnit.Kind.ENTITY, 1, 3, 2, 5);
    private static final int[] WINDOW = {20, 21, 22, 23, 24, 25};

    @Test
    void masksEveryPieceOfTheUnit()
    {
        int[] ids = input();
        assertThat(replacement(1, 0, VOCABULARY).apply(UNIT, ids, 1, new SplittableRandom(1))).isEqualTo(UnitReplacement.Choice.MASKED);
        int mask = VOCABULARY.maskId();
        assertThat(ids).containsExactly(VOCABULARY.clsId(), 20, 21, mask, mask, mask, 25, VOCABULARY.sepId());
    }

    @Test
    void replacesEveryPieceOfTheUnitWithOrdinaryPieces()
    {
        for (int seed = 0; seed < 100; seed++) {
            int[] ids = input();
            assertThat(replacement(0, 1, VOCABULARY).apply(UNIT, ids, 1, new SplittableRandom(seed))).isEqualTo(UnitReplacement.Choice.RANDOMIZED);
            assertThat(Arrays.stream(ids, 3, 6)).allMatch(id -> id >= 0 && id < VOCABULARY.size() && !VOCABULARY.isSpecial(id));
            assertThat(ids).startsWith(VOCABULARY.clsId(), 20, 21).endsWith(25, VOCABULARY.sepId());
        }
    }

    @Test
    void keepsTheUnitOtherwise()
    {
        int[] ids = input();
        assertThat(replacement(0, 0, VOCABULARY).apply(UNIT, ids, 1, new SplittableRandom(1))).isEqualTo(UnitReplacement.Choice.KEPT);
        assertThat(ids).isEqualTo(input());
    }

    @Test
    void neverReplacesAPieceWithItself()
    {
        // Two ordinary pieces: the only random piece other than one is the other.
        TestingVocabulary two = TestingVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "peace", "loan"));
        MaskingUnit unit = new MaskingUnit(MaskingUnit.Kind.WORD, 0, 1, 0, 3);
        for (int seed = 0; seed < 50; seed++) {
            int[] ids = {2, 5, 6, 5, 3};
            assertThat(replacement(0, 1, two).apply(unit, ids, 1, new SplittableRandom(seed))).isEqualTo(UnitReplacement.Choice.RANDOMIZED);
            assertThat(ids).containsExactly(2, 6, 5, 6, 3);
        }
        // With the whole small vocabulary, over many draws, no piece of the unit is ever its original.
        for (int seed = 0; seed < 500; seed++) {
            int[] ids = input();
            replacement(0, 1, VOCABULARY).apply(UNIT, ids, 1, new SplittableRandom(seed));
            for (int position = UNIT.firstPiece(); position < UNIT.endPiece(); position++) {
                assertThat(ids[1 + position]).isNotEqualTo(WINDOW[position]);
            }
        }
    }

    @Test
    void masksWhenTheVocabularyHasNoOtherOrdinaryPiece()
    {
        TestingVocabulary one = TestingVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "peace"));
        int[] ids = {2, 5, 5, 3};
        MaskingUnit unit = new MaskingUnit(MaskingUnit.Kind.WORD, 0, 1, 0, 2);
        assertThat(replacement(0, 1, one).apply(unit, ids, 1, new SplittableRandom(1))).isEqualTo(UnitReplacement.Choice.MASKED);
        assertThat(ids).containsExactly(2, 4, 4, 3);
    }

    @Test
    void masksWhenTheVocabularyHasNoOrdinaryPiece()
    {
        TestingVocabulary specialsOnly = TestingVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[unused0]", "[unused1]", "[unused2]"));
        int[] ids = {2, 5, 6, 7, 3};
        MaskingUnit unit = new MaskingUnit(MaskingUnit.Kind.WORD, 0, 1, 0, 3);
        assertThat(replacement(0, 1, specialsOnly).apply(unit, ids, 1, new SplittableRandom(1))).isEqualTo(UnitReplacement.Choice.MASKED);
        assertThat(ids).containsExactly(2, 4, 4, 4, 3);
    }

    private static int[] input()
    {
        int[] ids = new int[WINDOW.length + 2];
        ids[0] = VOCABULARY.clsId();
        System.arraycopy(WINDOW, 0, ids, 1, WINDOW.length);
        ids[ids.length - 1] = VOCABULARY.sepId();
        return ids;
    }

    private static UnitReplacement replacement(double mask, double random, TestingVocabulary vocabulary)
    {
        return new UnitReplacement(new KnowledgeMaskingSettings(0.15, MaskingStrategy.MIXED, 0.4, 0.4, mask, random), vocabulary);
    }
}
