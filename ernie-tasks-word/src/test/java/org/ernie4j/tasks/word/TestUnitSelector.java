package org.ernie4j.tasks.word;

import java.util.List;
import java.util.SplittableRandom;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestUnitSelector
{
    private static final TestingVocabulary VOCABULARY = SmallVocabulary.VOCABULARY;

    // Twenty one-piece words, no annotations.
    private static final Window TWENTY_WORDS = window(TestingDocumentBuilder.document("d", VOCABULARY)
            .sentence("the former has been exemplary the last session a loan of some measures had taken place in the union state")
            .build().sentences().get(0));

    // Entities, phrases holding entities, loose words: 19 tokens, 21 pieces.
    private static final Window ANNOTATED = window(TestingDocumentBuilder.document("d", VOCABULARY)
            .sentence("The enlightened Government of France saw the United States by instruments bearing date the 30th of April last .")
            .chunk(0, 3, "NP").chunk(6, 9, "NP").chunk(10, 11, "NP").chunk(12, 13, "NP").chunk(13, 15, "NP").chunk(16, 18, "NP")
            .entity(2, 3, "PROPER").entity(4, 5, "PROPER").entity(7, 9, "PROPER").entity(16, 17, "PROPER")
            .build().sentences().get(0));

    @Test
    void coversTheBudgetExactlyWhenWholeWordsAddUpToIt()
    {
        for (int seed = 0; seed < 50; seed++) {
            assertThat(select("word", 0.15, TWENTY_WORDS, seed).units()).hasSize(3);
        }
    }

    @Test
    void roundsAFractionalBudgetWithoutBias()
    {
        // 0.12 * 20 = 2.4 pieces: two or three words, three in two cases of five.
        double total = 0;
        for (int seed = 0; seed < 2000; seed++) {
            int count = select("word", 0.12, TWENTY_WORDS, seed).units().size();
            assertThat(count).isBetween(2, 3);
            total += count;
        }
        assertThat(total / 2000).isCloseTo(2.4, within(0.05));
    }

    @Test
    void takesAtLeastOneUnitWhenTheBudgetIsTiny()
    {
        for (int seed = 0; seed < 50; seed++) {
            assertThat(select("word", 0.01, TWENTY_WORDS, seed).units()).hasSize(1);
            assertThat(select("mixed", 0.001, ANNOTATED, seed).units()).hasSize(1);
            assertThat(select("phrase", 0.001, ANNOTATED, seed).units()).hasSize(1);
        }
    }

    @Test
    void neverOverlapsAndNeverExceedsTheBudgetByAWholeUnit()
    {
        for (String strategy : List.of("mixed", "entity", "phrase", "word")) {
            for (double rate : new double[] {0.1, 0.15, 0.3, 0.6, 1.0}) {
                for (int seed = 0; seed < 100; seed++) {
                    UnitSelector.Selection selection = select(strategy, rate, ANNOTATED, seed);
                    List<MaskingUnit> units = selection.units();
                    for (int i = 1; i < units.size(); i++) {
                        assertThat(units.get(i).firstToken()).as("%s after %s", units.get(i), units.get(i - 1)).isGreaterThanOrEqualTo(units.get(i - 1).endToken());
                    }
                    int largest = units.stream().mapToInt(MaskingUnit::pieceCount).max().orElseThrow();
                    assertThat((double) selection.pieceCount()).as("%s at %s", strategy, rate).isLessThan(rate * ANNOTATED.pieceCount() + largest);
                }
            }
        }
    }

    @Test
    void entityStrategyTakesOnlyEntities()
    {
        for (int seed = 0; seed < 50; seed++) {
            UnitSelector.Selection selection = select("entity", 0.5, ANNOTATED, seed);
            assertThat(selection.units()).isNotEmpty().allMatch(unit -> unit.kind() == MaskingUnit.Kind.ENTITY);
            assertThat(selection.fellBackToWords()).isFalse();
        }
    }

    @Test
    void phraseStrategyTakesOnlyPhrases()
    {
        for (int seed = 0; seed < 50; seed++) {
            assertThat(select("phrase", 0.5, ANNOTATED, seed).units()).isNotEmpty().allMatch(unit -> unit.kind() == MaskingUnit.Kind.PHRASE);
        }
    }

    @Test
    void fallsBackToWordsWithoutTheStrategysUnits()
    {
        for (String strategy : List.of("entity", "phrase")) {
            UnitSelector.Selection selection = select(strategy, 0.15, TWENTY_WORDS, 1);
            assertThat(selection.fellBackToWords()).isTrue();
            assertThat(selection.units()).hasSize(3).allMatch(unit -> unit.kind() == MaskingUnit.Kind.WORD);
        }
        assertThat(select("mixed", 0.15, TWENTY_WORDS, 1).fellBackToWords()).isFalse();
    }

    @Test
    void mixedStrategyTakesEntitiesFirstUpToTheirShare()
    {
        // Budget 0.5 * 21 = 10.5 pieces, 4.2 of them for entities (which hold 5 pieces in all), 4.2 for phrases.
        int entityPieces = 0;
        int phrasePieces = 0;
        int wordPieces = 0;
        for (int seed = 0; seed < 1000; seed++) {
            for (MaskingUnit unit : select("mixed", 0.5, ANNOTATED, seed).units()) {
                switch (unit.kind()) {
                    case ENTITY -> entityPieces += unit.pieceCount();
                    case PHRASE -> phrasePieces += unit.pieceCount();
                    case WORD -> wordPieces += unit.pieceCount();
                }
            }
        }
        int all = entityPieces + phrasePieces + wordPieces;
        assertThat((double) all / 1000).isCloseTo(10.5, within(0.2));
        assertThat((double) entityPieces / all).isCloseTo(0.4, within(0.05));
        assertThat((double) phrasePieces / all).isCloseTo(0.4, within(0.1));
        assertThat((double) wordPieces / all).isCloseTo(0.2, within(0.1));
    }

    @Test
    void isDeterministicForASeed()
    {
        for (int seed = 0; seed < 20; seed++) {
            assertThat(select("mixed", 0.3, ANNOTATED, seed)).isEqualTo(select("mixed", 0.3, ANNOTATED, seed));
        }
    }

    private static UnitSelector.Selection select(String strategy, double rate, Window window, long seed)
    {
        KnowledgeMaskingSettings settings = new KnowledgeMaskingSettings(rate, MaskingStrategy.fromConfigName(strategy).orElseThrow(),
                KnowledgeMaskingSettings.DEFAULT_ENTITY_SHARE, KnowledgeMaskingSettings.DEFAULT_PHRASE_SHARE, 0.8, 0.1);
        return new UnitSelector(settings).select(MaskingUnits.of(window, VOCABULARY), window.pieceCount(), new SplittableRandom(seed));
    }

    private static Window window(Sentence sentence)
    {
        return Window.of(List.of(Window.Part.whole(sentence)));
    }
}
