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
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.TokenClassificationHead;
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
import static org.ernie4j.spi.example.TokenLabels.IGNORED;

class TestCapitalizationTask
{
    private static final CapitalizationTask TASK = new CapitalizationTask();
    private static final TestingVocabulary SMALL = SmallVocabulary.VOCABULARY;

    // Cased scripts other than Latin (Greek, Cyrillic), a caseless one (Chinese), and pieces for "'Tis", "3rd", "iPhone".
    private static final TestingVocabulary SCRIPTS = TestingVocabulary.of(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "'", "(", ")",
            "the", "of", "in", "and", "tis", "3", "##rd", "iphone", "1790", "αθηνα", "москва", "北", "京", "france"));

    @Test
    void describesItself()
    {
        assertThat(TASK.info().name()).isEqualTo("capitalization");
        assertThat(TASK.info().family()).isEqualTo(TaskFamily.WORD_AWARE);
        assertThat(TASK.info().description()).contains("capital");
        assertThat(TASK.head(context(Map.of(), 128))).isInstanceOfSatisfying(TokenClassificationHead.class,
                head -> assertThat(head.numClasses()).isEqualTo(2));
    }

    @Test
    void isFoundByTheServiceLoader()
    {
        assertThat(ServiceLoader.load(PretrainingTask.class).stream().map(ServiceLoader.Provider::type))
                .contains(CapitalizationTask.class, TokenDocumentRelationTask.class, KnowledgeMaskingTask.class);
    }

    static Stream<Arguments> settingsAndLengths()
    {
        return Stream.of(
                Arguments.of(Map.of(), 128),
                Arguments.of(Map.of(), 16),
                Arguments.of(Map.of(), 3),
                Arguments.of(Map.of("ignore-sentence-initial", false), 32),
                Arguments.of(Map.of("ignore-sentence-initial", false), 2));
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContract(Map<String, Object> settings, int maxSequenceLength)
    {
        TestingTaskContext context = context(Fixtures.vocabulary(), settings, maxSequenceLength);
        TaskContractCheck.of(TASK, context).verify(Fixtures.sotu());
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
        TestingTaskContext context = context(Map.of("ignore-sentence-initial", false), 128);
        TASK.labels(context);
        assertThat(context.settings().readKeys()).containsExactly("ignore-sentence-initial");
        assertThat(context.settings().unreadKeys()).isEmpty();
    }

    @Test
    void rejectsASettingOfTheWrongTypeNamingItsPath()
    {
        assertThatThrownBy(() -> TASK.labels(context(Map.of("ignore-sentence-initial", "yes"), 128)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("tasks.capitalization.ignore-sentence-initial: expected true or false, not the text 'yes'");
    }

    @Test
    void labelsTheFirstPieceOfEveryWordWithItsCapital()
    {
        Document document = TestingDocumentBuilder.document("d", SMALL).sentence("The enlightened Government of France saw the United States .").build();
        //                          [CLS]    The      enlighten ##ed    government of france saw the united states .        [SEP]
        assertThat(labels(Map.of(), document)).containsExactly(
                IGNORED, IGNORED, 0, IGNORED, 1, 0, 1, 0, 0, 1, 1, IGNORED, IGNORED);
        assertThat(labels(Map.of("ignore-sentence-initial", false), document)).containsExactly(
                IGNORED, 1, 0, IGNORED, 1, 0, 1, 0, 0, 1, 1, IGNORED, IGNORED);
    }

    @Test
    void givesTheModelOnlyTheUncasedPiecesOfTheText()
    {
        Document cased = TestingDocumentBuilder.document("d", SMALL).sentence("The Government of France .").sentence("THE UNION .").build();
        Document lower = TestingDocumentBuilder.document("d", SMALL).sentence("the government of france .").sentence("the union .").build();
        Example fromCased = examples(Map.of("ignore-sentence-initial", false), cased).get(0);
        Example fromLower = examples(Map.of("ignore-sentence-initial", false), lower).get(0);
        assertThat(fromCased.inputIds()).isEqualTo(fromLower.inputIds())
                .containsExactly(SMALL.clsId(), SMALL.id("the"), SMALL.id("government"), SMALL.id("of"), SMALL.id("france"), SMALL.id("."),
                        SMALL.id("the"), SMALL.id("union"), SMALL.id("."), SMALL.sepId());
        assertThat(fromCased.segmentIds()).isEqualTo(fromLower.segmentIds()).containsOnly(0);
        assertThat(fromCased.target()).isNotEqualTo(fromLower.target());
    }

    @Test
    void takesTheFirstWordAfterAnOpeningBracketAsSentenceInitial()
    {
        Document document = TestingDocumentBuilder.document("d", SMALL).sentence("( The Union ) .").sentence("France saw .").build();
        //                                            [CLS]    (        the      union  )        .        france   saw  .        [SEP]
        assertThat(labels(Map.of(), document)).containsExactly(IGNORED, IGNORED, IGNORED, 1, IGNORED, IGNORED, IGNORED, 0, IGNORED, IGNORED);
    }

    @Test
    void labelsTheFirstLetterOfCasedScriptsAndIgnoresWhatHasNoCapital()
    {
        Document document = TestingDocumentBuilder.document("d", SCRIPTS)
                .sentence("the 1790 'Tis 3rd iPhone Αθήνα Москва and 北京 in Zanzibar , France .")
                .build();
        //                 [CLS]    the      1790     '        tis 3  ##rd     iphone αθηνα москва and 北 京                in [UNK]    ,        france .        [SEP]
        assertThat(labels(SCRIPTS, Map.of(), document)).containsExactly(
                IGNORED, IGNORED, IGNORED, 1, IGNORED, 0, IGNORED, 0, 1, 1, 0, IGNORED, IGNORED, 0, IGNORED, IGNORED, 1, IGNORED, IGNORED);
    }

    @Test
    void labelsTheFirstTokenOfALaterWindowOfALongSentence()
    {
        Document document = TestingDocumentBuilder.document("d", SMALL).sentence("France saw the United States by instruments of peace").build();
        List<Example> examples = examples(Map.of(), document, 6);
        assertThat(examples).hasSize(3);
        assertThat(((TokenLabels) examples.get(0).target()).labels()).containsExactly(IGNORED, IGNORED, 0, 0, 1, IGNORED);
        assertThat(((TokenLabels) examples.get(1).target()).labels()).containsExactly(IGNORED, 1, 0, 0, 0, IGNORED);
        assertThat(((TokenLabels) examples.get(2).target()).labels()).containsExactly(IGNORED, 0, IGNORED);
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
        assertThat(labels.generate(EdgeCaseDocuments.punctuationOnly(SMALL), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.unknownScripts(SMALL), random)).isEmpty();
        // A one-word sentence: its only word is sentence-initial.
        assertThat(labels.generate(EdgeCaseDocuments.singleWord(SMALL), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(CapitalizationGenerator.NOTHING_TO_LABEL)).isEqualTo(3);
        assertThat(labels.generate(EdgeCaseDocuments.longSentence(SMALL, 32), random)).hasSizeGreaterThan(1);
        assertThat(context.testingReporter().totalSkips()).isEqualTo(5);

        LabelGenerator everyWord = TASK.labels(context(Map.of("ignore-sentence-initial", false), 32));
        assertThat(everyWord.generate(EdgeCaseDocuments.singleWord(SMALL), random)).singleElement()
                .satisfies(example -> assertThat(((TokenLabels) example.target()).labels()).containsExactly(IGNORED, 0, IGNORED));
    }

    @Test
    void leavesOutAWordTooLongForAnyInput()
    {
        TestingTaskContext context = context(Map.of(), 3);
        Document document = TestingDocumentBuilder.document("d", SMALL).sentence("the punctuality of France").build();
        assertThat(TASK.labels(context).generate(document, new SplittableRandom(1))).hasSize(2);
        assertThat(context.testingReporter().skipCount(WindowCutter.WORD_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void drawsNothingFromTheRandomSource()
    {
        LabelGenerator labels = TASK.labels(context(Fixtures.vocabulary(), Map.of(), 16));
        for (Document document : Fixtures.sotu()) {
            SplittableRandom random = new SplittableRandom(3);
            assertThat(labels.generate(document, random)).isEqualTo(labels.generate(document, new SplittableRandom(4)));
            assertThat(random.nextLong()).isEqualTo(new SplittableRandom(3).nextLong());
        }
    }

    private static int[] labels(Map<String, ?> settings, Document document)
    {
        return labels(SMALL, settings, document);
    }

    private static int[] labels(TestingVocabulary vocabulary, Map<String, ?> settings, Document document)
    {
        List<Example> examples = TASK.labels(context(vocabulary, settings, 128)).generate(document, new SplittableRandom(1));
        return ((TokenLabels) examples.get(0).target()).labels();
    }

    private static List<Example> examples(Map<String, ?> settings, Document document)
    {
        return examples(settings, document, 128);
    }

    private static List<Example> examples(Map<String, ?> settings, Document document, int maxSequenceLength)
    {
        return TASK.labels(context(settings, maxSequenceLength)).generate(document, new SplittableRandom(1));
    }

    private static TestingTaskContext context(Map<String, ?> settings, int maxSequenceLength)
    {
        return context(SMALL, settings, maxSequenceLength);
    }

    private static TestingTaskContext context(TestingVocabulary vocabulary, Map<String, ?> settings, int maxSequenceLength)
    {
        return TestingTaskContext.builder(vocabulary)
                .taskName(CapitalizationTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .build();
    }
}
