package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TaskContractCheck;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSentenceReorderingTask
{
    private static final SentenceReorderingTask TASK = new SentenceReorderingTask();
    private static final TestingVocabulary SMALL = SmallDocuments.VOCABULARY;

    @Test
    void describesItself()
    {
        assertThat(TASK.info().name()).isEqualTo("sentence-reordering");
        assertThat(TASK.info().family()).isEqualTo(TaskFamily.STRUCTURE_AWARE);
        assertThat(TASK.info().description()).contains("permutation");
        assertThat(TASK).hasToString("sentence-reordering");
    }

    @ParameterizedTest
    @CsvSource({"2, 3", "3, 9", "4, 33", "5, 153"})
    void classifiesAmongTheSumOfFactorialsClasses(int maxSegments, int classes)
    {
        assertThat(TASK.head(context(SMALL, Map.of("max-segments", maxSegments), 128)))
                .isInstanceOfSatisfying(SequenceClassificationHead.class, head -> assertThat(head.numClasses()).isEqualTo(classes));
    }

    @Test
    void hasNineClassesByDefault()
    {
        assertThat(((SequenceClassificationHead) TASK.head(context(SMALL, Map.of(), 128))).numClasses()).isEqualTo(9);
    }

    @Test
    void isFoundByTheServiceLoader()
    {
        assertThat(ServiceLoader.load(PretrainingTask.class).stream().map(ServiceLoader.Provider::type))
                .contains(SentenceReorderingTask.class);
    }

    static Stream<Arguments> settingsAndLengths()
    {
        return Stream.of(
                Arguments.of(Map.of(), 128),
                Arguments.of(Map.of(), 512),
                Arguments.of(Map.of(), 7),
                Arguments.of(Map.of("max-segments", 2), 64),
                Arguments.of(Map.of("max-segments", 4), 256),
                Arguments.of(Map.of("max-segments", 5), 32),
                Arguments.of(Map.of("max-paragraph-length", 40), 128));
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContractOnTheSharedFixture(Map<String, Object> settings, int maxSequenceLength)
    {
        TestingTaskContext context = context(Fixtures.vocabulary(), settings, maxSequenceLength);
        TaskContractCheck.of(TASK, context).verify(Fixtures.sotu());
        assertThat(context.settings().unreadKeys()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContractOnRealText(Map<String, Object> settings, int maxSequenceLength)
    {
        SotuCorpus corpus = SotuCorpus.get();
        TaskContractCheck.of(TASK, context(corpus.vocabulary(), settings, maxSequenceLength)).verify(corpus.documents(10));
    }

    @Test
    void readsEverySettingWhenItJoinsARun()
    {
        TestingTaskContext context = context(SMALL, Map.of("max-segments", 4, "max-paragraph-length", 100), 128);
        TASK.labels(context);
        assertThat(context.settings().unreadKeys()).isEmpty();
        assertThat(context.settings().readKeys()).containsExactlyInAnyOrder("max-segments", "max-paragraph-length");
    }

    static Stream<Arguments> badSettings()
    {
        return Stream.of(
                Arguments.of(Map.of("max-segments", 1), 128, "tasks.sentence-reordering.max-segments: must be between 2 and 5, not 1"),
                Arguments.of(Map.of("max-segments", 6), 128, "tasks.sentence-reordering.max-segments: must be between 2 and 5, not 6"),
                Arguments.of(Map.of("max-segments", 2.5), 128, "tasks.sentence-reordering.max-segments: expected an integer, not 2.5"),
                Arguments.of(Map.of("max-segments", 5), 10,
                        "tasks.sentence-reordering.max-segments: 5 segments need inputs of at least 11 pieces, but the model's maximum length is 10"),
                Arguments.of(Map.of(), 6,
                        "tasks.sentence-reordering.max-segments: 3 segments need inputs of at least 7 pieces, but the model's maximum length is 6"),
                Arguments.of(Map.of("max-paragraph-length", 2), 128, "tasks.sentence-reordering.max-paragraph-length: must be between 3 (a piece for"
                        + " each of max-segments) and 124 (the maximum length 128 less [CLS] and 3 [SEP]), not 2"),
                Arguments.of(Map.of("max-segments", 4, "max-paragraph-length", 124), 128, "tasks.sentence-reordering.max-paragraph-length: must be"
                        + " between 4 (a piece for each of max-segments) and 123 (the maximum length 128 less [CLS] and 4 [SEP]), not 124"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void rejectsBadSettingsNamingTheirPath(Map<String, Object> settings, int maxSequenceLength, String message)
    {
        assertThatThrownBy(() -> TASK.labels(context(SMALL, settings, maxSequenceLength)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> TASK.head(context(SMALL, settings, maxSequenceLength)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    @Test
    void showsTheSegmentsOfWholeSentencesInTheClasssOrder()
    {
        // Eight sentences of two pieces each fit one paragraph of at most 16 pieces.
        Document document = SmallDocuments.withSentenceLengths("d", 2, 2, 2, 2, 2, 2, 2, 2);
        LabelGenerator labels = TASK.labels(context(SMALL, Map.of("max-segments", 4), 64));
        for (int seed = 0; seed < 200; seed++) {
            Example example = labels.generate(document, new SplittableRandom(seed)).get(0);
            ShownSegments shown = ShownSegments.of(example, SMALL);
            assertThat(shown.segments()).hasSize(ReorderingClasses.segmentCount(shown.label()));
            for (int[] segment : shown.segments()) {
                List<Integer> sentences = SmallDocuments.sentencesOf(segment);
                // Whole sentences: each sentence's two pieces, and consecutive sentences.
                assertThat(sentences).hasSizeGreaterThanOrEqualTo(2);
                for (int i = 0; i < sentences.size(); i++) {
                    assertThat(sentences.get(i)).isEqualTo(sentences.get(0) + i / 2);
                }
            }
            assertThat(SmallDocuments.sentencesOf(ShownSegments.concatenated(shown.restored())))
                    .containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
        }
    }

    @Test
    void givesSegmentIdZeroToTheFirstSegmentShownAndOneToTheRest()
    {
        Document document = SmallDocuments.withSentenceLengths("d", 1, 2, 3);
        LabelGenerator labels = TASK.labels(context(SMALL, Map.of(), 64));
        List<Integer> seen = new ArrayList<>();
        for (int seed = 0; seed < 50; seed++) {
            Example example = labels.generate(document, new SplittableRandom(seed)).get(0);
            seen.add(ShownSegments.of(example, SMALL).segments().size());
            int firstSeparator = Arrays.stream(example.inputIds()).boxed().toList().indexOf(SMALL.sepId());
            int[] expected = IntStream.range(0, example.length()).map(position -> position <= firstSeparator ? 0 : 1).toArray();
            assertThat(example.segmentIds()).as("example %s", example).containsExactly(expected);
        }
        assertThat(seen).contains(1, 2, 3);
    }

    @Test
    void reportsWhatItSkipsInsteadOfThrowing()
    {
        TestingTaskContext context = context(SMALL, Map.of(), 16);
        LabelGenerator labels = TASK.labels(context);
        SplittableRandom random = new SplittableRandom(5);
        assertThat(labels.generate(EdgeCaseDocuments.empty(), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.emptySentence(), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(SentenceReorderingGenerator.NO_PIECES)).isEqualTo(2);

        assertThat(labels.generate(EdgeCaseDocuments.singleWord(SMALL), random)).isEmpty();
        assertThat(labels.generate(SmallDocuments.withSentenceLengths("two", 3, 3), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(SentenceReorderingGenerator.TOO_FEW_SENTENCES)).isEqualTo(2);

        assertThat(labels.generate(EdgeCaseDocuments.longSentence(SMALL, 16), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(ParagraphCutter.SENTENCE_TOO_LONG)).isEqualTo(1);

        // A budget of 16 - 1 - 3 = 12 pieces: paragraphs of 4 and 1 sentences; the second is too short.
        assertThat(labels.generate(SmallDocuments.withSentenceLengths("five", 3, 3, 3, 3, 3), random)).hasSize(1);
        assertThat(context.testingReporter().skipCount(SentenceReorderingGenerator.TOO_FEW_SENTENCES)).isEqualTo(3);
        assertThat(context.testingReporter().warnings()).isEmpty();
    }

    @Test
    void isDeterministicForARandomSourceAndVariesWithIt()
    {
        SotuCorpus corpus = SotuCorpus.get();
        LabelGenerator labels = TASK.labels(context(corpus.vocabulary(), Map.of(), 128));
        List<Document> documents = corpus.addresses();
        for (Document document : documents) {
            assertThat(labels.generate(document, new SplittableRandom(11))).isEqualTo(labels.generate(document, new SplittableRandom(11)));
        }
        List<List<Example>> bySeed = Stream.of(1, 2, 3, 4)
                .map(seed -> documents.stream().flatMap(document -> labels.generate(document, new SplittableRandom(seed)).stream()).toList())
                .toList();
        assertThat(bySeed.get(0)).isNotEmpty();
        assertThat(bySeed).doesNotHaveDuplicates();
    }

    private static TestingTaskContext context(TestingVocabulary vocabulary, Map<String, ?> settings, int maxSequenceLength)
    {
        return TestingTaskContext.builder(vocabulary)
                .taskName(SentenceReorderingTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .build();
    }
}
