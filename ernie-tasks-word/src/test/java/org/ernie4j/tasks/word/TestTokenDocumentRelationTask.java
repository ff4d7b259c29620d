package org.ernie4j.tasks.word;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.LabelGenerator;
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

class TestTokenDocumentRelationTask
{
    private static final TokenDocumentRelationTask TASK = new TokenDocumentRelationTask();
    private static final TestingVocabulary SMALL = SmallVocabulary.VOCABULARY;

    // Three sentences of five pieces: with room for five pieces per input, each is a segment of its own.
    private static final Document THREE_SEGMENTS = TestingDocumentBuilder.document("d", SMALL)
            .sentence("the peace of France .")
            .sentence("France saw the loan .")
            .sentence("a loan , a loan")
            .build();
    private static final int FIVE_PIECES = 7;

    @Test
    void describesItself()
    {
        assertThat(TASK.info().name()).isEqualTo("token-document-relation");
        assertThat(TASK.info().family()).isEqualTo(TaskFamily.WORD_AWARE);
        assertThat(TASK.info().description()).contains("another segment of the same document");
        assertThat(TASK.head(context(Map.of(), 128))).isInstanceOfSatisfying(TokenClassificationHead.class,
                head -> assertThat(head.numClasses()).isEqualTo(2));
    }

    static Stream<Arguments> settingsAndLengths()
    {
        return Stream.of(
                Arguments.of(Map.of(), 128),
                Arguments.of(Map.of(), 16),
                Arguments.of(Map.of(), 3),
                Arguments.of(Map.of("ignore-stop-words", false), 12),
                Arguments.of(Map.of("stop-words", List.of("the", "of")), 20),
                Arguments.of(Map.of("ignore-stop-words", true, "stop-words", List.of()), 2));
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
        TestingTaskContext context = context(Map.of("ignore-stop-words", true, "stop-words", List.of("the")), 128);
        TASK.labels(context);
        assertThat(context.settings().readKeys()).containsExactlyInAnyOrder("ignore-stop-words", "stop-words");
        assertThat(context.settings().unreadKeys()).isEmpty();
        assertThat(context.testingReporter().warnings()).isEmpty();
    }

    static Stream<Arguments> badSettings()
    {
        return Stream.of(
                Arguments.of(Map.of("ignore-stop-words", "no"), "tasks.token-document-relation.ignore-stop-words: expected true or false, not the text 'no'"),
                Arguments.of(Map.of("stop-words", "the"), "tasks.token-document-relation.stop-words: expected a list of strings, not the text 'the'"),
                Arguments.of(Map.of("stop-words", List.of("the", " ")), "tasks.token-document-relation.stop-words: item 1 is blank"),
                Arguments.of(Map.of("stop-words", List.of("")), "tasks.token-document-relation.stop-words: item 0 is blank"),
                Arguments.of(Map.of("stop-words", List.of("of the")),
                        "tasks.token-document-relation.stop-words: item 0 ('of the') holds white space, but a stop word is a single word"));
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
    void warnsWhenStopWordsAreGivenButNotIgnored()
    {
        TestingTaskContext context = context(Map.of("ignore-stop-words", false, "stop-words", List.of("the")), 128);
        TASK.labels(context);
        assertThat(context.testingReporter().warnings())
                .containsExactly("token-document-relation: stop-words has no effect while ignore-stop-words is false");
    }

    @Test
    void labelsEveryWordByWhetherAnotherSegmentHasIt()
    {
        //                              [CLS]    the      peace of       france .        [SEP]
        assertThat(labels(Map.of())).containsExactly(
                new int[] {IGNORED, IGNORED, 0, IGNORED, 1, IGNORED, IGNORED},
                //         [CLS]    france saw the      loan .        [SEP]
                new int[] {IGNORED, 1, 0, IGNORED, 1, IGNORED, IGNORED},
                //         [CLS]    a        loan ,        a        loan [SEP]
                new int[] {IGNORED, IGNORED, 1, IGNORED, IGNORED, 1, IGNORED});
    }

    @Test
    void labelsStopWordsWhenAsked()
    {
        assertThat(labels(Map.of("ignore-stop-words", false))).containsExactly(
                new int[] {IGNORED, 1, 0, 0, 1, IGNORED, IGNORED},
                new int[] {IGNORED, 1, 0, 1, 1, IGNORED, IGNORED},
                new int[] {IGNORED, 0, 1, IGNORED, 0, 1, IGNORED});
    }

    @Test
    void takesItsStopWordsFromTheSettingInsteadOfTheShippedList()
    {
        // The setting replaces the shipped list: "the", "of" and "a" are labelled, and the words given are not.
        assertThat(labels(Map.of("stop-words", List.of("France", "LOAN")))).containsExactly(
                new int[] {IGNORED, 1, 0, 0, IGNORED, IGNORED, IGNORED},
                new int[] {IGNORED, IGNORED, 0, 1, IGNORED, IGNORED, IGNORED},
                new int[] {IGNORED, 0, IGNORED, IGNORED, 0, IGNORED, IGNORED});
    }

    @Test
    void comparesWordsByTypeNotBySpelling()
    {
        Document document = TestingDocumentBuilder.document("d", SMALL)
                .sentence("Union saw peace .")
                .sentence("the UNION .")
                .sentence("Peace , peace .")
                .build();
        List<int[]> labels = examples(Map.of(), document, 6).stream().map(example -> ((TokenLabels) example.target()).labels()).toList();
        assertThat(labels).containsExactly(
                new int[] {IGNORED, 1, 0, 1, IGNORED, IGNORED},
                new int[] {IGNORED, IGNORED, 1, IGNORED, IGNORED},
                new int[] {IGNORED, 1, IGNORED, 1, IGNORED, IGNORED});
    }

    @Test
    void countsNoRepetitionWithinTheSameSegment()
    {
        Document document = TestingDocumentBuilder.document("d", SMALL).sentence("loan , loan , loan").sentence("the peace .").build();
        List<Example> examples = examples(Map.of(), document, FIVE_PIECES);
        assertThat(((TokenLabels) examples.get(0).target()).labels()).containsExactly(IGNORED, 0, IGNORED, 0, IGNORED, 0, IGNORED);
    }

    @Test
    void givesTheModelOnlyTheSegmentItself()
    {
        List<Example> examples = examples(Map.of(), THREE_SEGMENTS, FIVE_PIECES);
        assertThat(examples.get(0).inputIds())
                .containsExactly(SMALL.clsId(), SMALL.id("the"), SMALL.id("peace"), SMALL.id("of"), SMALL.id("france"), SMALL.id("."), SMALL.sepId());
        assertThat(examples).allSatisfy(example -> assertThat(example.segmentIds()).containsOnly(0));
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
        assertThat(labels.generate(EdgeCaseDocuments.singleWord(SMALL), random)).isEmpty();
        assertThat(labels.generate(THREE_SEGMENTS, random)).isEmpty();
        assertThat(context.testingReporter().skipCount(TokenDocumentRelationGenerator.SINGLE_SEGMENT)).isEqualTo(4);
        // A single sentence longer than an input is several segments.
        assertThat(labels.generate(EdgeCaseDocuments.longSentence(SMALL, 32), random)).hasSizeGreaterThan(1);
        assertThat(context.testingReporter().totalSkips()).isEqualTo(6);
    }

    @Test
    void skipsASegmentWithoutAWordToLabelButRelatesTheOthers()
    {
        TestingTaskContext context = context(Map.of(), FIVE_PIECES);
        Document document = TestingDocumentBuilder.document("d", SMALL).sentence("the , of .").sentence("France .").sentence("France , peace .").build();
        List<Example> examples = TASK.labels(context).generate(document, new SplittableRandom(1));
        assertThat(examples).extracting(example -> ((TokenLabels) example.target()).labels()).containsExactly(
                new int[] {IGNORED, 1, IGNORED, IGNORED},
                new int[] {IGNORED, 1, IGNORED, 0, IGNORED, IGNORED});
        assertThat(context.testingReporter().skips()).containsExactly(Map.entry(TokenDocumentRelationGenerator.NOTHING_TO_LABEL, 1));
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

    private static List<int[]> labels(Map<String, ?> settings)
    {
        return examples(settings, THREE_SEGMENTS, FIVE_PIECES).stream().map(example -> ((TokenLabels) example.target()).labels()).toList();
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
                .taskName(TokenDocumentRelationTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .build();
    }
}
