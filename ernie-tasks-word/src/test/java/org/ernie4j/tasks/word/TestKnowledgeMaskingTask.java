package org.ernie4j.tasks.word;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TaskContractCheck;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestKnowledgeMaskingTask
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final List<Document> DOCUMENTS = Fixtures.sotu();
    private static final KnowledgeMaskingTask TASK = new KnowledgeMaskingTask();

    @Test
    void describesItself()
    {
        assertThat(TASK.info().name()).isEqualTo("knowledge-masking");
        assertThat(TASK.info().family()).isEqualTo(TaskFamily.WORD_AWARE);
        assertThat(TASK.info().description()).contains("entities").contains("phrases");
        assertThat(TASK.head(context(Map.of(), 128))).isSameAs(MaskedTokenHead.create());
    }

    @Test
    void isFoundByTheServiceLoader()
    {
        assertThat(ServiceLoader.load(PretrainingTask.class).stream().map(ServiceLoader.Provider::type))
                .contains(KnowledgeMaskingTask.class);
    }

    static Stream<Arguments> settingsAndLengths()
    {
        return Stream.of(
                Arguments.of(Map.of(), 128),
                Arguments.of(Map.of(), 16),
                Arguments.of(Map.of(), 3),
                Arguments.of(Map.of("strategy", "entity"), 32),
                Arguments.of(Map.of("strategy", "phrase"), 24),
                Arguments.of(Map.of("strategy", "word", "masking-rate", 0.5), 64),
                Arguments.of(Map.of("masking-rate", 1.0, "mask-probability", 0.0, "random-probability", 1.0), 20),
                Arguments.of(Map.of("masking-rate", 0.01, "entity-share", 1.0, "phrase-share", 0.0), 512));
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContract(Map<String, Object> settings, int maxSequenceLength)
    {
        TestingTaskContext context = context(settings, maxSequenceLength);
        TaskContractCheck.of(TASK, context).verify(DOCUMENTS);
        assertThat(context.settings().unreadKeys()).isEmpty();
    }

    @Test
    void keepsTheTaskContractOnWholeAddresses()
    {
        TaskContractCheck.of(TASK, context(Addresses.vocabulary(), Map.of(), 128)).verify(Addresses.documents());
    }

    @Test
    void readsEverySettingWhenItJoinsARun()
    {
        TestingTaskContext context = context(Map.of("masking-rate", 0.2, "strategy", "mixed", "entity-share", 0.5, "phrase-share", 0.3,
                "mask-probability", 0.7, "random-probability", 0.2), 128);
        TASK.labels(context);
        assertThat(context.settings().unreadKeys()).isEmpty();
        assertThat(context.settings().readKeys()).containsExactlyInAnyOrder(
                "masking-rate", "strategy", "entity-share", "phrase-share", "mask-probability", "random-probability");
        assertThat(context.testingReporter().warnings()).isEmpty();
    }

    static Stream<Arguments> badSettings()
    {
        return Stream.of(
                Arguments.of(Map.of("masking-rate", 0.0), "tasks.knowledge-masking.masking-rate: must be greater than 0 and at most 1, not 0.0"),
                Arguments.of(Map.of("masking-rate", 1.5), "tasks.knowledge-masking.masking-rate: must be greater than 0 and at most 1, not 1.5"),
                Arguments.of(Map.of("masking-rate", Double.NaN), "tasks.knowledge-masking.masking-rate: must be greater than 0 and at most 1, not NaN"),
                Arguments.of(Map.of("masking-rate", "high"), "tasks.knowledge-masking.masking-rate: expected a number, not the text 'high'"),
                Arguments.of(Map.of("strategy", "entities"), "tasks.knowledge-masking.strategy: must be one of mixed, entity, phrase, word, not 'entities'"),
                Arguments.of(Map.of("strategy", "MIXED"), "tasks.knowledge-masking.strategy: must be one of mixed, entity, phrase, word, not 'MIXED'"),
                Arguments.of(Map.of("entity-share", -0.1), "tasks.knowledge-masking.entity-share: must be between 0 and 1, not -0.1"),
                Arguments.of(Map.of("phrase-share", 2), "tasks.knowledge-masking.phrase-share: must be between 0 and 1, not 2.0"),
                Arguments.of(Map.of("entity-share", 0.7, "phrase-share", 0.5), "tasks.knowledge-masking.phrase-share: together with entity-share (0.7) must be at most 1, not 1.2"),
                Arguments.of(Map.of("mask-probability", 1.2), "tasks.knowledge-masking.mask-probability: must be between 0 and 1, not 1.2"),
                Arguments.of(Map.of("random-probability", -1), "tasks.knowledge-masking.random-probability: must be between 0 and 1, not -1.0"),
                Arguments.of(Map.of("mask-probability", 0.9, "random-probability", 0.2),
                        "tasks.knowledge-masking.random-probability: together with mask-probability (0.9) must be at most 1, not 1.1"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void rejectsBadSettingsNamingTheirPath(Map<String, Object> settings, String message)
    {
        assertThatThrownBy(() -> TASK.labels(context(settings, 128)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    @Test
    void acceptsTheEdgesOfEveryRange()
    {
        TASK.labels(context(Map.of("masking-rate", 1, "entity-share", 0, "phrase-share", 1, "mask-probability", 0, "random-probability", 1), 128));
        TASK.labels(context(Map.of("masking-rate", 0.001, "entity-share", 1, "phrase-share", 0, "mask-probability", 1, "random-probability", 0), 128));
        TASK.labels(context(Map.of("entity-share", 0.7, "phrase-share", 0.3, "mask-probability", 0.7, "random-probability", 0.3), 128));
    }

    @Test
    void warnsWhenSharesAreSetForAnotherStrategy()
    {
        TestingTaskContext context = context(Map.of("strategy", "entity", "entity-share", 0.5), 128);
        TASK.labels(context);
        assertThat(context.testingReporter().warnings())
                .containsExactly("knowledge-masking: entity-share and phrase-share apply to the mixed strategy only, and strategy is 'entity'");
    }

    @Test
    void isDeterministicForARandomSourceAndVariesWithIt()
    {
        LabelGenerator labels = TASK.labels(context(Map.of(), 32));
        for (Document document : DOCUMENTS) {
            assertThat(labels.generate(document, new SplittableRandom(11))).isEqualTo(labels.generate(document, new SplittableRandom(11)));
        }
        List<List<Example>> bySeed = Stream.of(1, 2, 3, 4)
                .map(seed -> DOCUMENTS.stream().flatMap(document -> labels.generate(document, new SplittableRandom(seed)).stream()).toList())
                .toList();
        assertThat(bySeed).doesNotHaveDuplicates();
    }

    @Test
    void reportsWhatItSkipsInsteadOfThrowing()
    {
        TestingTaskContext context = context(Map.of(), 32);
        LabelGenerator labels = TASK.labels(context);
        SplittableRandom random = new SplittableRandom(5);
        assertThat(labels.generate(EdgeCaseDocuments.empty(), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.emptySentence(), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(WindowCutter.NO_PIECES)).isEqualTo(2);
        assertThat(labels.generate(EdgeCaseDocuments.punctuationOnly(VOCABULARY), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.unknownScripts(VOCABULARY), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(KnowledgeMaskingGenerator.NOTHING_TO_MASK)).isEqualTo(2);
        assertThat(labels.generate(EdgeCaseDocuments.singleWord(VOCABULARY), random)).hasSize(1);
        assertThat(labels.generate(EdgeCaseDocuments.longSentence(VOCABULARY, 32), random)).hasSizeGreaterThan(1);
    }

    @Test
    void skipsAWindowWhoseOnlyWordsBelongToANameItCannotHideWhole()
    {
        TestingTaskContext context = context(SmallVocabulary.VOCABULARY, Map.of(), 128);
        Document document = TestingDocumentBuilder.document("d", SmallVocabulary.VOCABULARY).sentence("Αθήνα France .").entity(0, 2, "PROPER").build();
        assertThat(TASK.labels(context).generate(document, new SplittableRandom(1))).isEmpty();
        assertThat(context.testingReporter().skipCount(KnowledgeMaskingGenerator.NOTHING_TO_MASK)).isEqualTo(1);
    }

    @Test
    void leavesOutAWordTooLongForAnyInput()
    {
        // "punctuality" has two pieces: with room for one piece per input it fits nowhere.
        TestingTaskContext context = context(SmallVocabulary.VOCABULARY, Map.of(), 3);
        Document document = TestingDocumentBuilder.document("d", SmallVocabulary.VOCABULARY).sentence("the punctuality of the former").build();
        List<Example> examples = TASK.labels(context).generate(document, new SplittableRandom(1));
        assertThat(examples).hasSize(4).allMatch(example -> example.length() == 3);
        assertThat(context.testingReporter().skipCount(WindowCutter.WORD_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void fallsBackToWordsAndWarnsOnceWhenTheStrategysUnitsAreMissing()
    {
        TestingTaskContext context = context(SmallVocabulary.VOCABULARY, Map.of("strategy", "entity"), 128);
        LabelGenerator labels = TASK.labels(context);
        Document withoutEntities = TestingDocumentBuilder.document("d", SmallVocabulary.VOCABULARY).sentence("the former has been exemplary .").chunk(0, 2, "NP").build();
        for (int seed = 0; seed < 3; seed++) {
            assertThat(labels.generate(withoutEntities, new SplittableRandom(seed))).singleElement()
                    .satisfies(example -> assertThat(((MaskedTokens) example.target()).count()).isPositive());
        }
        assertThat(context.testingReporter().warnings())
                .containsExactly("knowledge-masking: strategy 'entity' found windows without a named entity; they mask single words instead");
    }

    private static TestingTaskContext context(Map<String, ?> settings, int maxSequenceLength)
    {
        return context(VOCABULARY, settings, maxSequenceLength);
    }

    private static TestingTaskContext context(TestingVocabulary vocabulary, Map<String, ?> settings, int maxSequenceLength)
    {
        return TestingTaskContext.builder(vocabulary)
                .taskName(KnowledgeMaskingTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .corpus(DOCUMENTS)
                .build();
    }
}
