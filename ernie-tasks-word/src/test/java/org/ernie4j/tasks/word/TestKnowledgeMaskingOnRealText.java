package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Knowledge masking on real text, the annotated State of the Union fixture and three whole addresses ({@link Addresses}),
 * checked from the outside: each example is read back against its window, and the units that were chosen are inferred
 * from the targets alone.
 */
class TestKnowledgeMaskingOnRealText
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final List<Document> DOCUMENTS = Fixtures.sotu();

    // Enough windows for shares to settle within a few points; the fixture is run with as many seeds as that takes.
    private static final int WINDOWS = 1500;
    // The addresses are long: fewer windows hold as many pieces and units as the fixture's 1500.
    private static final int ADDRESS_WINDOWS = 400;

    @ParameterizedTest
    @CsvSource({"0.15, 16", "0.15, 32", "0.15, 128", "0.5, 32", "0.9, 128"})
    void masksEntitiesAndPhrasesWhole(double rate, int maxSequenceLength)
    {
        int chosenEntities = 0;
        int chosenPhrases = 0;
        for (MaskedExample example : generate(Map.of("masking-rate", rate), maxSequenceLength)) {
            for (Span entity : example.window().entities()) {
                BitSet pieces = example.pieces(entity.start(), entity.end());
                assertThat(example.allTargets(pieces) || !example.anyTarget(pieces))
                        .as("entity %s partly masked in %s", entity, example.example()).isTrue();
                chosenEntities += example.allTargets(pieces) ? 1 : 0;
            }
            for (Span phrase : example.phrases()) {
                if (example.anyTarget(example.ownPieces(phrase))) {
                    assertThat(example.allTargets(example.pieces(phrase.start(), phrase.end())))
                            .as("phrase %s partly masked in %s", phrase, example.example()).isTrue();
                    chosenPhrases++;
                }
            }
            for (int token = 0; token < example.window().tokenCount(); token++) {
                BitSet pieces = example.pieces(token, token + 1);
                assertThat(example.allTargets(pieces) || !example.anyTarget(pieces))
                        .as("word %s partly masked", example.window().token(token)).isTrue();
            }
        }
        assertThat(chosenEntities).as("entities chosen").isPositive();
        assertThat(chosenPhrases).as("phrases chosen").isPositive();
    }

    @Test
    void neverMasksPunctuationOnItsOwn()
    {
        for (MaskedExample example : generate(Map.of("strategy", "word", "masking-rate", 0.5), 32)) {
            for (int token = 0; token < example.window().tokenCount(); token++) {
                if (example.window().token(token).surface().codePoints().noneMatch(Character::isLetterOrDigit)) {
                    assertThat(example.anyTarget(example.pieces(token, token + 1))).as("punctuation %s", example.window().token(token)).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.15, 0.3})
    void masksAboutTheRateOfPiecesOverManyWindows(double rate)
    {
        for (int maxSequenceLength : new int[] {32, 128}) {
            long pieces = 0;
            long targets = 0;
            for (MaskedExample example : generate(Map.of("masking-rate", rate), maxSequenceLength)) {
                pieces += example.window().pieceCount();
                targets += example.targetCount();
            }
            assertThat((double) targets / pieces).as("masked share at max length %d", maxSequenceLength).isCloseTo(rate, within(0.015));
        }
    }

    @Test
    void neverExceedsTheBudgetOfAWindowByAWholeUnit()
    {
        for (MaskedExample example : generate(Map.of(), 32)) {
            List<BitSet> units = example.inferredUnits();
            int largest = units.stream().mapToInt(BitSet::cardinality).max().orElse(0);
            double budget = 0.15 * example.window().pieceCount();
            assertThat(units).as("units of %s", example.example()).isNotEmpty();
            if (units.size() > 1) {
                assertThat(example.targetCount()).as("targets of %s", example.example()).isLessThan((int) Math.floor(budget) + largest + 1);
            }
        }
    }

    @Test
    void hidesEachUnitWhollyOrNotAtAll()
    {
        int masked = 0;
        for (MaskedExample example : generate(Map.of(), 32)) {
            for (BitSet unit : example.inferredUnits()) {
                assertThat(example.allMasked(unit) || example.noneMasked(unit))
                        .as("unit %s of %s", unit, example.example()).isTrue();
                if (example.allMasked(unit)) {
                    masked++;
                    // The point of whole-unit masking: nothing of the original is left to read at a hidden position.
                    unit.stream().forEach(piece -> assertThat(example.inputAt(piece)).isNotEqualTo(example.originalAt(piece)));
                }
            }
        }
        assertThat(masked).isPositive();
    }

    @Test
    void corruptsUnitsEightyTenTen()
    {
        int units = 0;
        int masked = 0;
        int randomized = 0;
        for (MaskedExample example : generate(Map.of(), 128)) {
            for (BitSet unit : example.inferredUnits()) {
                units++;
                if (example.allMasked(unit)) {
                    masked++;
                }
                else if (unit.stream().anyMatch(piece -> example.inputAt(piece) != example.originalAt(piece))) {
                    randomized++;
                    unit.stream().forEach(piece -> assertThat(VOCABULARY.isSpecial(example.inputAt(piece))).isFalse());
                }
            }
        }
        assertThat((double) masked / units).isCloseTo(0.8, within(0.03));
        assertThat((double) randomized / units).isCloseTo(0.1, within(0.03));
    }

    @Test
    void entityStrategyMasksOnlyEntities()
    {
        int windowsWithEntities = 0;
        for (MaskedExample example : generate(Map.of("strategy", "entity", "masking-rate", 0.5), 32)) {
            if (example.maskableEntities().isEmpty()) {
                continue;
            }
            windowsWithEntities++;
            BitSet inEntities = new BitSet();
            for (Span entity : example.window().entities()) {
                inEntities.or(example.pieces(entity.start(), entity.end()));
            }
            BitSet outside = example.targets();
            outside.andNot(inEntities);
            assertThat(outside.isEmpty()).as("targets outside entities in %s", example.example()).isTrue();
            assertThat(example.targetCount()).isPositive();
        }
        assertThat(windowsWithEntities).isPositive();
    }

    @Test
    void phraseStrategyMasksOnlyWholePhrases()
    {
        for (MaskedExample example : generate(Map.of("strategy", "phrase", "masking-rate", 0.5), 32)) {
            List<Span> phrases = example.phrases();
            if (phrases.isEmpty()) {
                continue;
            }
            BitSet covered = new BitSet();
            for (Span phrase : phrases) {
                BitSet pieces = example.pieces(phrase.start(), phrase.end());
                assertThat(example.allTargets(pieces) || !example.anyTarget(pieces)).as("phrase %s", phrase).isTrue();
                covered.or(pieces);
            }
            BitSet outside = example.targets();
            outside.andNot(covered);
            assertThat(outside.isEmpty()).as("targets outside phrases in %s", example.example()).isTrue();
        }
    }

    @Test
    void mixedStrategySpendsItsSharesOnEachKind()
    {
        // With every share on entities, entities are masked first; with none, only when nothing else remains.
        assertThat(entityShareOfTargets(Map.of("entity-share", 1.0, "phrase-share", 0.0)))
                .isGreaterThan(entityShareOfTargets(Map.of("entity-share", 0.0, "phrase-share", 0.5)) + 0.2);
    }

    private static double entityShareOfTargets(Map<String, ?> settings)
    {
        long inEntities = 0;
        long targets = 0;
        for (MaskedExample example : generate(settings, 128)) {
            BitSet entityTargets = new BitSet();
            for (Span entity : example.window().entities()) {
                entityTargets.or(example.pieces(entity.start(), entity.end()));
            }
            entityTargets.and(example.targets());
            inEntities += entityTargets.cardinality();
            targets += example.targetCount();
        }
        return (double) inEntities / targets;
    }

    @Test
    void masksWholeUnitsOfWholeAddressesAtAboutTheRate()
    {
        long pieces = 0;
        long targets = 0;
        int entities = 0;
        int phrases = 0;
        for (MaskedExample example : generate(Addresses.documents(), Addresses.vocabulary(), Map.of(), 128, ADDRESS_WINDOWS)) {
            pieces += example.window().pieceCount();
            targets += example.targetCount();
            for (Span entity : example.window().entities()) {
                BitSet entityPieces = example.pieces(entity.start(), entity.end());
                assertThat(example.allTargets(entityPieces) || !example.anyTarget(entityPieces)).as("entity %s partly masked", entity).isTrue();
                entities += example.allTargets(entityPieces) ? 1 : 0;
            }
            for (Span phrase : example.phrases()) {
                if (example.anyTarget(example.ownPieces(phrase))) {
                    assertThat(example.allTargets(example.pieces(phrase.start(), phrase.end()))).as("phrase %s partly masked", phrase).isTrue();
                    phrases++;
                }
            }
        }
        double share = (double) targets / pieces;
        assertThat(share).as("masked share of the pieces of three addresses: %.4f", share).isCloseTo(0.15, within(0.015));
        assertThat(entities).as("entities chosen").isGreaterThan(100);
        assertThat(phrases).as("phrases chosen").isGreaterThan(100);
    }

    @Test
    void neverShowsAnOriginalPieceOfAHiddenUnit()
    {
        checkHiddenUnits(Addresses.documents(), Addresses.vocabulary(), ADDRESS_WINDOWS);
        checkHiddenUnits(DOCUMENTS, VOCABULARY, WINDOWS);
    }

    private static void checkHiddenUnits(List<Document> documents, TestingVocabulary vocabulary, int windows)
    {
        // By default a unit is masked, randomized or kept as a whole: none of its originals shows, or all do (kept).
        for (MaskedExample example : generate(documents, vocabulary, Map.of(), 64, windows)) {
            for (BitSet unit : example.inferredUnits()) {
                long shown = unit.stream().filter(piece -> example.inputAt(piece) == example.originalAt(piece)).count();
                assertThat(shown).as("original pieces shown of unit %s in %s", unit, example.example()).isIn(0L, (long) unit.cardinality());
            }
        }
        // With every unit masked, no target's original piece is in the input at its position.
        for (MaskedExample example : generate(documents, vocabulary, Map.of("mask-probability", 1.0, "random-probability", 0.0), 64, windows)) {
            MaskedTokens masked = (MaskedTokens) example.example().target();
            for (int i = 0; i < masked.count(); i++) {
                assertThat(example.example().inputId(masked.position(i))).as("input at target %d of %s", masked.position(i), example.example())
                        .isEqualTo(vocabulary.maskId())
                        .isNotEqualTo(masked.originalId(i));
            }
        }
    }

    /** Examples over the fixture with seeds 0, 1, 2... until there are {@link #WINDOWS} of them. */
    private static List<MaskedExample> generate(Map<String, ?> settings, int maxSequenceLength)
    {
        return generate(DOCUMENTS, VOCABULARY, settings, maxSequenceLength, WINDOWS);
    }

    /** Examples over the documents with seeds 0, 1, 2... until there are {@code windows} of them. */
    private static List<MaskedExample> generate(List<Document> documents, TestingVocabulary vocabulary, Map<String, ?> settings, int maxSequenceLength, int windows)
    {
        TestingTaskContext context = TestingTaskContext.builder(vocabulary)
                .taskName(KnowledgeMaskingTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .build();
        LabelGenerator labels = new KnowledgeMaskingTask().labels(context);
        List<MaskedExample> examples = new ArrayList<>();
        for (int seed = 0; examples.size() < windows; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Document document : documents) {
                examples.addAll(MaskedExample.pair(document, labels.generate(document, random), maxSequenceLength, vocabulary));
            }
        }
        return examples;
    }
}
