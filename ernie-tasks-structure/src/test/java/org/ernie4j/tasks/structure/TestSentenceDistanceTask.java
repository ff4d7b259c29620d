package org.ernie4j.tasks.structure;

import java.util.ArrayList;
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
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.head.SequenceClassificationHead;
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

class TestSentenceDistanceTask
{
    private static final SentenceDistanceTask TASK = new SentenceDistanceTask();
    private static final TestingVocabulary SMALL = SmallDocuments.VOCABULARY;
    private static final Map<String, Object> ADJACENT_ONLY = Map.of("same-document-weight", 0, "other-document-weight", 0);
    private static final Map<String, Object> SAME_DOCUMENT_ONLY = Map.of("adjacent-weight", 0, "other-document-weight", 0);
    private static final Map<String, Object> OTHER_DOCUMENT_ONLY = Map.of("adjacent-weight", 0, "same-document-weight", 0);

    @Test
    void describesItself()
    {
        assertThat(TASK.info().name()).isEqualTo("sentence-distance");
        assertThat(TASK.info().family()).isEqualTo(TaskFamily.STRUCTURE_AWARE);
        assertThat(TASK.info().description()).contains("adjacent");
        assertThat(TASK.head(context(SMALL, Map.of(), 128, List.of())))
                .isInstanceOfSatisfying(SequenceClassificationHead.class, head -> assertThat(head.numClasses()).isEqualTo(3));
        assertThat(TASK).hasToString("sentence-distance");
    }

    @Test
    void isFoundByTheServiceLoaderBesideSentenceReordering()
    {
        assertThat(ServiceLoader.load(PretrainingTask.class).stream().map(ServiceLoader.Provider::type))
                .contains(SentenceDistanceTask.class, SentenceReorderingTask.class);
    }

    static Stream<Arguments> settingsAndLengths()
    {
        return Stream.of(
                Arguments.of(Map.of(), 128),
                Arguments.of(Map.of(), 512),
                Arguments.of(Map.of(), 5),
                Arguments.of(Map.of("max-segment-length", 10), 64),
                Arguments.of(Map.of("sentences-per-segment", 3), 128),
                Arguments.of(Map.of("sentences-per-segment", 2, "max-segment-length", 7), 32),
                Arguments.of(ADJACENT_ONLY, 32),
                Arguments.of(SAME_DOCUMENT_ONLY, 32),
                Arguments.of(OTHER_DOCUMENT_ONLY, 32),
                Arguments.of(Map.of("adjacent-weight", 0.5, "same-document-weight", 0.25, "other-document-weight", 0.25), 256));
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContractOnTheSharedFixture(Map<String, Object> settings, int maxSequenceLength)
    {
        TestingTaskContext context = context(Fixtures.vocabulary(), settings, maxSequenceLength, Fixtures.sotu());
        TaskContractCheck.of(TASK, context).verify(Fixtures.sotu());
        assertThat(context.settings().unreadKeys()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContractOnRealText(Map<String, Object> settings, int maxSequenceLength)
    {
        SotuCorpus corpus = SotuCorpus.get();
        List<Document> documents = corpus.documents(10);
        TaskContractCheck.of(TASK, context(corpus.vocabulary(), settings, maxSequenceLength, documents)).verify(documents);
    }

    @Test
    void keepsTheTaskContractWithACorpusOfOneDocument()
    {
        SotuCorpus corpus = SotuCorpus.get();
        List<Document> single = corpus.addresses().subList(0, 1);
        TaskContractCheck.of(TASK, context(corpus.vocabulary(), Map.of(), 128, single)).verify(single);
    }

    @Test
    void readsEverySettingWhenItJoinsARun()
    {
        TestingTaskContext context = context(SMALL, Map.of("adjacent-weight", 2, "same-document-weight", 1.5, "other-document-weight", 1,
                "max-segment-length", 50, "sentences-per-segment", 2), 128, List.of());
        TASK.labels(context);
        assertThat(context.settings().unreadKeys()).isEmpty();
        assertThat(context.settings().readKeys())
                .containsExactlyInAnyOrder("adjacent-weight", "same-document-weight", "other-document-weight", "max-segment-length",
                        "sentences-per-segment");
    }

    static Stream<Arguments> badSettings()
    {
        return Stream.of(
                Arguments.of(Map.of("adjacent-weight", -1), 128, "tasks.sentence-distance.adjacent-weight: must be a finite number of at least 0, not -1.0"),
                Arguments.of(Map.of("same-document-weight", Double.NaN), 128,
                        "tasks.sentence-distance.same-document-weight: must be a finite number of at least 0, not NaN"),
                Arguments.of(Map.of("other-document-weight", Double.POSITIVE_INFINITY), 128,
                        "tasks.sentence-distance.other-document-weight: must be a finite number of at least 0, not Infinity"),
                Arguments.of(Map.of("other-document-weight", "a third"), 128,
                        "tasks.sentence-distance.other-document-weight: expected a number, not the text 'a third'"),
                Arguments.of(Map.of("adjacent-weight", 0, "same-document-weight", 0, "other-document-weight", 0.0), 128,
                        "tasks.sentence-distance.other-document-weight: together with adjacent-weight and same-document-weight must be positive:"
                                + " all three are 0, so no class could be drawn"),
                Arguments.of(Map.of("max-segment-length", 0), 128,
                        "tasks.sentence-distance.max-segment-length: must be between 1 and 62 (half of the maximum length 128 less [CLS] and two [SEP]), not 0"),
                Arguments.of(Map.of("max-segment-length", 63), 128,
                        "tasks.sentence-distance.max-segment-length: must be between 1 and 62 (half of the maximum length 128 less [CLS] and two [SEP]), not 63"),
                Arguments.of(Map.of("sentences-per-segment", 0), 128,
                        "tasks.sentence-distance.sentences-per-segment: must be between 1 and 32, not 0"),
                Arguments.of(Map.of("sentences-per-segment", 33), 128,
                        "tasks.sentence-distance.sentences-per-segment: must be between 1 and 32, not 33"),
                Arguments.of(Map.of(), 4,
                        "tasks.sentence-distance.max-segment-length: a sentence pair needs inputs of at least 5 pieces, but the model's maximum length is 4"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void rejectsBadSettingsNamingTheirPath(Map<String, Object> settings, int maxSequenceLength, String message)
    {
        assertThatThrownBy(() -> TASK.labels(context(SMALL, settings, maxSequenceLength, List.of())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    @Test
    void makesOnePairPerNeighbouringSentencesAsClsASepBSep()
    {
        Document document = SmallDocuments.withSentenceLengths("d", 2, 3, 1, 2);
        LabelGenerator labels = TASK.labels(context(SMALL, ADJACENT_ONLY, 64, List.of(document)));
        List<Example> examples = labels.generate(document, new SplittableRandom(1));
        assertThat(examples).hasSize(3);
        for (Example example : examples) {
            List<Integer> sentences = SmallDocuments.sentencesOf(example.inputIds());
            int first = sentences.get(1);
            int firstLength = (int) sentences.stream().filter(sentence -> sentence == first).count();
            int[] expectedSegments = new int[example.length()];
            java.util.Arrays.fill(expectedSegments, firstLength + 2, expectedSegments.length, 1);
            assertThat(example.inputId(0)).isEqualTo(SMALL.clsId());
            assertThat(example.inputId(firstLength + 1)).isEqualTo(SMALL.sepId());
            assertThat(example.inputId(example.length() - 1)).isEqualTo(SMALL.sepId());
            assertThat(sentences.get(firstLength + 2)).isEqualTo(first + 1);
            assertThat(example.segmentIds()).containsExactly(expectedSegments);
            assertThat(example.target()).isEqualTo(new SequenceLabel(0));
        }
    }

    @Test
    void cutsALongFirstSentenceToItsEndAndALongSecondToItsBeginning()
    {
        Document document = TestingDocumentBuilder.document("d", SMALL)
                .sentence("alpha bravo charlie delta echo")
                .sentence("foxtrot golf hotel india juliet")
                .build();
        LabelGenerator labels = TASK.labels(context(SMALL, Map.of("max-segment-length", 3, "same-document-weight", 0, "other-document-weight", 0),
                64, List.of(document)));
        assertThat(labels.generate(document, new SplittableRandom(1))).singleElement()
                .satisfies(example -> assertThat(example.inputIds()).containsExactly(
                        Stream.of("[CLS]", "charlie", "delta", "echo", "[SEP]", "foxtrot", "golf", "hotel", "[SEP]").mapToInt(SMALL::id).toArray()));
    }

    @Test
    void makesAdjacentPassagesOfConsecutiveSentencesThatMeetWhereTheDrawnPairMeets()
    {
        Document document = SmallDocuments.withSentenceLengths("d", 1, 1, 1, 1, 1, 1);
        LabelGenerator labels = TASK.labels(context(SMALL, withPassages(ADJACENT_ONLY, 2), 64, List.of(document)));
        List<Example> examples = labels.generate(document, new SplittableRandom(3));
        assertThat(examples).hasSize(5);
        for (Example example : examples) {
            List<Integer> sentences = SmallDocuments.sentencesOf(example.inputIds());
            int separator = sentences.subList(1, sentences.size()).indexOf(-1) + 1;
            List<Integer> first = sentences.subList(1, separator);
            List<Integer> second = sentences.subList(separator + 1, sentences.size() - 1);
            int meeting = first.get(first.size() - 1);
            assertThat(second.get(0)).isEqualTo(meeting + 1);
            assertThat(first).containsExactlyElementsOf(consecutive(Math.max(0, meeting - 1), meeting));
            assertThat(second).containsExactlyElementsOf(consecutive(meeting + 1, Math.min(5, meeting + 2)));
        }
    }

    @Test
    void makesDistantPassagesThatNeitherOverlapNorTouch()
    {
        Document document = SmallDocuments.withSentenceLengths("d", 1, 1, 1, 1, 1, 1, 1, 1);
        LabelGenerator labels = TASK.labels(context(SMALL, withPassages(SAME_DOCUMENT_ONLY, 3), 64, List.of(document)));
        for (int seed = 0; seed < 20; seed++) {
            for (Example example : labels.generate(document, new SplittableRandom(seed))) {
                List<Integer> sentences = SmallDocuments.sentencesOf(example.inputIds());
                int separator = sentences.subList(1, sentences.size()).indexOf(-1) + 1;
                List<Integer> first = sentences.subList(1, separator);
                List<Integer> second = sentences.subList(separator + 1, sentences.size() - 1);
                assertThat(first).hasSizeBetween(1, 3).containsExactlyElementsOf(consecutive(first.get(0), first.get(first.size() - 1)));
                assertThat(second).hasSizeBetween(1, 3).containsExactlyElementsOf(consecutive(second.get(0), second.get(second.size() - 1)));
                assertThat(second.get(0)).as("a sentence between the passages").isGreaterThanOrEqualTo(first.get(first.size() - 1) + 2);
            }
        }
    }

    @Test
    void oneSentencePerSegmentMakesTheSameExamplesAsBefore()
    {
        List<Document> corpus = List.of(SmallDocuments.withSentenceLengths("a", 2, 3, 1, 2, 4), SmallDocuments.withSentenceLengths("b", 1, 2, 3));
        LabelGenerator byDefault = TASK.labels(context(SMALL, Map.of(), 64, corpus));
        LabelGenerator explicit = TASK.labels(context(SMALL, Map.of("sentences-per-segment", 1), 64, corpus));
        LabelGenerator passages = TASK.labels(context(SMALL, Map.of("sentences-per-segment", 2), 64, corpus));
        List<Example> expected = byDefault.generate(corpus.get(0), new SplittableRandom(7));
        assertThat(explicit.generate(corpus.get(0), new SplittableRandom(7))).usingRecursiveFieldByFieldElementComparator().isEqualTo(expected);
        assertThat(passages.generate(corpus.get(0), new SplittableRandom(7))).usingRecursiveFieldByFieldElementComparator().isNotEqualTo(expected);
    }

    private static Map<String, Object> withPassages(Map<String, Object> settings, int sentencesPerSegment)
    {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("sentences-per-segment", sentencesPerSegment);
        return all;
    }

    private static List<Integer> consecutive(int from, int to)
    {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void treatsTheSentencesAroundOneWithoutTokensAsAdjacent()
    {
        Document document = SmallDocuments.withSentenceLengths("d", 1, 0, 1);
        LabelGenerator labels = TASK.labels(context(SMALL, ADJACENT_ONLY, 64, List.of(document)));
        assertThat(labels.generate(document, new SplittableRandom(1))).singleElement()
                .satisfies(example -> assertThat(SmallDocuments.sentencesOf(example.inputIds())).containsExactly(-1, 0, -1, 2, -1));
    }

    @Test
    void reportsWhatItSkipsInsteadOfThrowing()
    {
        Document two = SmallDocuments.withSentenceLengths("two", 2, 2);
        TestingTaskContext context = context(SMALL, SAME_DOCUMENT_ONLY, 32, List.of(two, SmallDocuments.withSentenceLengths("other", 1, 1)));
        LabelGenerator labels = TASK.labels(context);
        SplittableRandom random = new SplittableRandom(5);
        assertThat(labels.generate(EdgeCaseDocuments.empty(), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.emptySentence(), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.singleWord(SMALL), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.longSentence(SMALL, 32), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(SentenceDistanceGenerator.TOO_FEW_SENTENCES)).isEqualTo(4);

        assertThat(labels.generate(two, random)).isEmpty();
        assertThat(context.testingReporter().skipCount(SentenceDistanceGenerator.NO_DISTANT_PAIR)).isEqualTo(1);
        assertThat(context.testingReporter().warnings()).isEmpty();
    }

    @Test
    void skipsAPairWhoseOtherDocumentHasNoText()
    {
        Document document = SmallDocuments.withSentenceLengths("d", 1, 1, 1);
        TestingTaskContext context = context(SMALL, OTHER_DOCUMENT_ONLY, 32, List.of(document, EdgeCaseDocuments.emptySentence()));
        assertThat(TASK.labels(context).generate(document, new SplittableRandom(1))).isEmpty();
        assertThat(context.testingReporter().skipCount(SentenceDistanceGenerator.EMPTY_OTHER_DOCUMENT)).isEqualTo(2);
    }

    @Test
    void warnsOnceAndMakesNoPairOfTwoDocumentsFromACorpusOfOne()
    {
        Document document = SmallDocuments.withSentenceLengths("only", 1, 1, 1, 1, 1, 1);
        TestingTaskContext context = context(SMALL, Map.of(), 32, List.of(document));
        LabelGenerator labels = TASK.labels(context);
        List<Example> examples = new ArrayList<>();
        for (int seed = 0; seed < 20; seed++) {
            examples.addAll(labels.generate(document, new SplittableRandom(seed)));
        }
        assertThat(examples).extracting(Example::target).doesNotContain(new SequenceLabel(2)).contains(new SequenceLabel(0), new SequenceLabel(1));
        int skipped = context.testingReporter().skipCount(SentenceDistanceGenerator.NO_OTHER_DOCUMENT);
        assertThat(skipped).isPositive();
        assertThat(examples.size() + skipped).isEqualTo(20 * 5);
        assertThat(context.testingReporter().warnings()).containsExactly(SentenceDistanceGenerator.SINGLE_DOCUMENT_WARNING);
    }

    @Test
    void isDeterministicForARandomSourceAndVariesWithIt()
    {
        SotuCorpus corpus = SotuCorpus.get();
        List<Document> documents = corpus.documents(10);
        LabelGenerator labels = TASK.labels(context(corpus.vocabulary(), Map.of(), 128, documents));
        for (Document document : documents) {
            assertThat(labels.generate(document, new SplittableRandom(11))).isEqualTo(labels.generate(document, new SplittableRandom(11)));
        }
        List<List<Example>> bySeed = Stream.of(1, 2, 3, 4)
                .map(seed -> documents.stream().flatMap(document -> labels.generate(document, new SplittableRandom(seed)).stream()).toList())
                .toList();
        assertThat(bySeed.get(0)).isNotEmpty();
        assertThat(bySeed).doesNotHaveDuplicates();
    }

    private static TestingTaskContext context(TestingVocabulary vocabulary, Map<String, ?> settings, int maxSequenceLength, List<Document> corpus)
    {
        return TestingTaskContext.builder(vocabulary)
                .taskName(SentenceDistanceTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .corpus(corpus)
                .build();
    }
}
