package org.ernie4j.tasks.word;

import java.util.List;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.tasks.word.MaskingUnit.Kind.ENTITY;
import static org.ernie4j.tasks.word.MaskingUnit.Kind.PHRASE;
import static org.ernie4j.tasks.word.MaskingUnit.Kind.WORD;

class TestMaskingUnits
{
    private static final TestingVocabulary VOCABULARY = SmallVocabulary.VOCABULARY;

    @Test
    void findsEntitiesPhrasesAndLooseWords()
    {
        //                                 0      1           2         3   4      5   6   7      8      9
        MaskingUnits units = units(TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("The enlightened Government of France saw the United States .")
                .chunk(0, 3, "NP").chunk(4, 5, "NP").chunk(6, 9, "NP")
                .entity(2, 3, "PROPER").entity(4, 5, "PROPER").entity(7, 9, "PROPER"));
        // "enlightened" has two pieces, so pieces run one ahead of tokens from token 2 on.
        assertThat(units.entities()).containsExactly(
                new MaskingUnit(ENTITY, 2, 3, 3, 4),
                new MaskingUnit(ENTITY, 4, 5, 5, 6),
                new MaskingUnit(ENTITY, 7, 9, 8, 10));
        assertThat(units.phrases()).containsExactly(
                new MaskingUnit(PHRASE, 0, 3, 0, 4),
                new MaskingUnit(PHRASE, 6, 9, 7, 10));
        assertThat(units.looseWords()).extracting(MaskingUnit::firstToken).containsExactly(3, 5);
        assertThat(units.allWords()).extracting(MaskingUnit::firstToken).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(units.allWords()).allMatch(unit -> unit.kind() == WORD);
        assertThat(units.allWords().get(1)).isEqualTo(new MaskingUnit(WORD, 1, 2, 1, 3));
        assertThat(units.isEmpty()).isFalse();
    }

    @Test
    void passesOverAPhraseThatSplitsAnEntity()
    {
        MaskingUnits units = units(TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("to the United States by instruments")
                .chunk(3, 6, "NP")
                .entity(2, 4, "PROPER"));
        assertThat(units.phrases()).isEmpty();
        assertThat(units.entities()).extracting(MaskingUnit::firstToken).containsExactly(2);
        // The entity's tokens are hidden only with all of it; the rest of the phrase that is no unit is loose.
        assertThat(units.looseWords()).extracting(MaskingUnit::firstToken).containsExactly(0, 1, 4, 5);
    }

    @Test
    void neverMakesAUnitOfPunctuationOrUnknownPieces()
    {
        MaskingUnits units = units(TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence(", . Αθήνα the Αθήνα , ( )")
                .chunk(0, 2, "NP").chunk(3, 5, "NP").chunk(5, 8, "NP")
                .entity(2, 3, "PROPER"));
        assertThat(units.entities()).isEmpty();
        assertThat(units.phrases()).isEmpty();
        assertThat(units.allWords()).extracting(MaskingUnit::firstToken).containsExactly(3);
        // "the" is in a chunk that cannot be a unit, for its unknown piece: so it is a word of its own.
        assertThat(units.looseWords()).extracting(MaskingUnit::firstToken).containsExactly(3);
    }

    @Test
    void aPhraseMayHoldPunctuationAndASingleTokenChunkIsNoPhrase()
    {
        MaskingUnits units = units(TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("the peace , friendship")
                .chunk(0, 4, "NP").chunk(3, 4, "NP"));
        assertThat(units.phrases()).containsExactly(new MaskingUnit(PHRASE, 0, 4, 0, 4));
    }

    @Test
    void neverLoosensTheTokensOfAnEntity()
    {
        // An entity with an unknown piece cannot be hidden whole, and hiding part of it would give away the rest.
        MaskingUnits units = units(TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("Αθήνα France saw")
                .entity(0, 2, "PROPER"));
        assertThat(units.entities()).isEmpty();
        assertThat(units.looseWords()).extracting(MaskingUnit::firstToken).containsExactly(2);
        assertThat(units.allWords()).extracting(MaskingUnit::firstToken).containsExactly(1, 2);
    }

    @Test
    void isEmptyWithNothingToMask()
    {
        assertThat(units(TestingDocumentBuilder.document("d", VOCABULARY).sentence(", . !")).isEmpty()).isTrue();
    }

    private static MaskingUnits units(TestingDocumentBuilder builder)
    {
        Sentence sentence = builder.build().sentences().get(0);
        return MaskingUnits.of(Window.of(List.of(Window.Part.whole(sentence))), VOCABULARY);
    }
}
