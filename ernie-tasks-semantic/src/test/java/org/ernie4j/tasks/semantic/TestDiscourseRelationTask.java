package org.ernie4j.tasks.semantic;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TaskContractCheck;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDiscourseRelationTask
{
    private static final DiscourseRelationTask TASK = new DiscourseRelationTask();
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final Map<String, Object> KEEP_ALL = Map.of("max-class-share", 1);

    @Test
    void describesItself()
    {
        assertThat(TASK.info().name()).isEqualTo("discourse-relation");
        assertThat(TASK.info().family()).isEqualTo(TaskFamily.SEMANTIC_AWARE);
        assertThat(TASK.info().description()).contains("discourse relation");
        assertThat(TASK.head(context(Map.of(), 128, List.of())))
                .isInstanceOfSatisfying(SequenceClassificationHead.class, head -> {
                    assertThat(head.numClasses()).isEqualTo(11);
                    assertThat(head.classWeights()).isEmpty();
                });
        assertThat(TASK).hasToString("discourse-relation");
    }

    @Test
    void bothTasksAreFoundByTheServiceLoader()
    {
        assertThat(ServiceLoader.load(PretrainingTask.class).stream().map(ServiceLoader.Provider::type))
                .contains(DiscourseRelationTask.class, IrRelevanceTask.class);
    }

    static Stream<Arguments> settingsAndLengths()
    {
        return Stream.of(
                Arguments.of(Map.of(), 128),
                Arguments.of(Map.of(), 512),
                Arguments.of(Map.of(), 5),
                Arguments.of(KEEP_ALL, 24),
                Arguments.of(Map.of("max-segment-length", 10, "max-class-share", 0.05), 64),
                Arguments.of(Map.of("class-weights", "balanced", "sample-documents", 2), 128),
                Arguments.of(Map.of("markers", List.of("but=contrast", "indeed=elaboration", "also=addition")), 128));
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContractOnTheSharedFixture(Map<String, Object> settings, int maxSequenceLength)
    {
        TestingTaskContext context = context(settings, maxSequenceLength, Fixtures.sotu());
        TaskContractCheck.of(TASK, context).verify(Fixtures.sotu());
        assertThat(context.settings().unreadKeys()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("settingsAndLengths")
    void keepsTheTaskContractOnFourMoreAddresses(Map<String, Object> settings, int maxSequenceLength)
    {
        List<Document> documents = Addresses.documents();
        TestingTaskContext context = context(settings, maxSequenceLength, documents);
        TaskContractCheck.of(TASK, context).withSeed(7).verify(documents);
    }

    @Test
    void keepsTheTaskContractOnEdgeCasesAlone()
    {
        List<Document> edges = EdgeCaseDocuments.all(VOCABULARY, 32);
        TaskContractCheck.of(TASK, context(Map.of(), 32, edges)).verify(edges);
    }

    @Test
    void readsEverySettingWhenItJoinsARun()
    {
        TestingTaskContext context = context(Map.of("markers", List.of("but=contrast", "yet=concession"), "max-segment-length", 20,
                "max-class-share", 0.5, "class-weights", "none", "sample-documents", 10), 128, List.of());
        TASK.labels(context);
        assertThat(context.settings().unreadKeys()).isEmpty();
        assertThat(context.settings().readKeys()).containsExactlyInAnyOrder(
                "markers-file", "markers", "max-segment-length", "max-class-share", "class-weights", "sample-documents", "in-sentence",
                "comma-markers", "class-groups");
    }

    static Stream<Arguments> badSettings()
    {
        return Stream.of(
                Arguments.of(Map.of("max-class-share", 0), 128,
                        "tasks.discourse-relation.max-class-share: must be above 0 and at most 1 (1 keeps every example), not 0.0"),
                Arguments.of(Map.of("max-class-share", 1.5), 128,
                        "tasks.discourse-relation.max-class-share: must be above 0 and at most 1 (1 keeps every example), not 1.5"),
                Arguments.of(Map.of("class-weights", "inverse"), 128,
                        "tasks.discourse-relation.class-weights: must be 'none' or 'balanced', not 'inverse'"),
                Arguments.of(Map.of("sample-documents", 0), 128, "tasks.discourse-relation.sample-documents: must be at least 1, not 0"),
                Arguments.of(Map.of("max-segment-length", 63), 128,
                        "tasks.discourse-relation.max-segment-length: must be between 1 and 62 (half of the maximum length 128 less [CLS] and two [SEP]), not 63"),
                Arguments.of(Map.of(), 4,
                        "tasks.discourse-relation.max-segment-length: a sentence pair needs inputs of at least 5 pieces, but the model's maximum length is 4"),
                Arguments.of(Map.of("markers", List.of("but=contrast")), 128,
                        "tasks.discourse-relation.markers: the list has 1 relation class (contrast), but discourse relation needs at least 2"),
                Arguments.of(Map.of("markers", List.of("but contrast", "yet=concession")), 128,
                        "tasks.discourse-relation.markers: item 0 ('but contrast') is not marker=class"),
                Arguments.of(Map.of("markers", List.of("but=contrast", "yet=concession"), "markers-file", "m.tsv"), 128,
                        "tasks.discourse-relation.markers: cannot be used together with markers-file: give the marker table one way"),
                Arguments.of(Map.of("comma-markers", List.of("but", "then so")), 128,
                        "tasks.discourse-relation.comma-markers: 'then so' is not a marker of the table"),
                Arguments.of(Map.of("markers", List.of("but=contrast", "yet=concession"), "comma-markers", List.of("however")), 128,
                        "tasks.discourse-relation.comma-markers: 'however' is not a marker of the table"),
                Arguments.of(Map.of("class-groups", List.of("contrast")), 128,
                        "tasks.discourse-relation.class-groups: item 0 ('contrast') is not class=group, such as 'contrast=comparison'"),
                Arguments.of(Map.of("class-groups", List.of("contrast=comparison", "sarcasm=comparison")), 128,
                        "tasks.discourse-relation.class-groups: item 1 ('sarcasm=comparison') names no class of the marker table; its classes are"
                                + " [contrast, concession, result, reason, example, elaboration, addition, similarity, alternative, temporal, summary]"),
                Arguments.of(Map.of("class-groups", List.of("contrast=comparison", "contrast=other")), 128,
                        "tasks.discourse-relation.class-groups: item 1 ('contrast=other') groups class contrast a second time"),
                Arguments.of(Map.of("markers", List.of("but=contrast", "yet=concession"), "class-groups", List.of("contrast=x", "concession=x")), 128,
                        "tasks.discourse-relation.class-groups: leaves 1 class (x), but discourse relation needs at least 2"),
                Arguments.of(Map.of("in-sentence", "sometimes"), 128, "tasks.discourse-relation.in-sentence: expected true or false, not the text 'sometimes'"),
                Arguments.of(Map.of("markers-file", "no/such/markers.tsv"), 128,
                        "tasks.discourse-relation.markers-file: no such file: " + Path.of("no/such/markers.tsv").toAbsolutePath()));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void refusesBadSettingsNamingTheirPath(Map<String, Object> settings, int maxSequenceLength, String message)
    {
        TestingTaskContext context = context(settings, maxSequenceLength, List.of());
        assertThatThrownBy(() -> TASK.labels(context)).isInstanceOf(InvalidSettingException.class).hasMessage(message);
        assertThatThrownBy(() -> TASK.head(context)).isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }

    @Test
    void readsAMarkerTableFileAndNamesTheLineOfAnError(@TempDir Path directory)
            throws Exception
    {
        Path good = directory.resolve("good.tsv");
        Files.writeString(good, "# two classes\nbut\tcontrast\nbecause of this\tcause\n");
        Document document = TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("The taxes rose .")
                .sentence("Because of this , the debt fell .")
                .build();
        TestingTaskContext context = context(Map.of("markers-file", good.toString()), 64, List.of(document));
        assertThat(TASK.head(context)).isInstanceOfSatisfying(SequenceClassificationHead.class, head -> assertThat(head.numClasses()).isEqualTo(2));
        assertThat(TASK.labels(context).generate(document, new SplittableRandom(1))).singleElement()
                .satisfies(example -> assertThat(example.target()).isEqualTo(new SequenceLabel(1)));
        assertThat(DiscourseRelationTask.markers(context.settings()).classes()).containsExactly("contrast", "cause");

        Path bad = directory.resolve("bad.tsv");
        Files.writeString(bad, "but\tcontrast\nyet concession\n");
        assertThatThrownBy(() -> TASK.labels(context(Map.of("markers-file", bad.toString()), 64, List.of())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("tasks.discourse-relation.markers-file: " + bad + " line 2: expected marker<TAB>class, found 1 tab-separated column: 'yet concession'");
    }

    @Test
    void groupsClassesIntoCoarserOnesWhenAskedTo()
    {
        // The Penn Discourse Treebank's four top-level senses, as docs/experiments/probe-sotu.yaml groups them.
        Map<String, Object> pdtb = Map.of("max-class-share", 1, "class-groups", List.of("contrast=comparison", "concession=comparison",
                "result=contingency", "reason=contingency", "example=expansion", "elaboration=expansion", "addition=expansion",
                "similarity=expansion", "alternative=expansion", "summary=expansion"));
        Document document = TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("The taxes rose .")
                .sentence("However , the debt fell .")
                .sentence("For example the army grew .")
                .sentence("Meanwhile the navy grew .")
                .sentence("Yet the debt fell .")
                .build();
        TestingTaskContext context = context(pdtb, 64, List.of(document));
        assertThat(TASK.head(context)).isInstanceOfSatisfying(SequenceClassificationHead.class, head -> assertThat(head.numClasses()).isEqualTo(4));
        assertThat(DiscourseRelationTask.markers(context.settings()).classes()).containsExactly("comparison", "contingency", "expansion", "temporal");
        assertThat(TASK.labels(context).generate(document, new SplittableRandom(1))).extracting(Example::target)
                .containsExactly(new SequenceLabel(0), new SequenceLabel(2), new SequenceLabel(3), new SequenceLabel(0));
    }

    @Test
    void removesTheMarkerAndTheCommaAfterItFromTheInput()
    {
        Document document = TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("The taxes rose .")
                .sentence("However , the debt fell .")
                .sentence("For example the army grew .")
                .build();
        List<Example> examples = TASK.labels(context(KEEP_ALL, 64, List.of(document))).generate(document, new SplittableRandom(1));
        assertThat(examples).hasSize(2);
        // The sides' closing full stops are left out too.
        assertThat(examples.get(0)).isEqualTo(pair("The taxes rose", "the debt fell", 0));
        assertThat(examples.get(1)).isEqualTo(pair("However , the debt fell", "the army grew", 4));
        int[] secondSegment = IntStream.range(0, examples.get(0).length()).filter(i -> examples.get(0).segmentId(i) == 1)
                .map(examples.get(0)::inputId).toArray();
        assertThat(secondSegment).doesNotContain(VOCABULARY.encode("however")).doesNotContain(VOCABULARY.id(","));
    }

    @Test
    void cutsALongFirstSentenceToItsEndAndALongSecondToItsBeginning()
    {
        Document document = TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("one two three four five six")
                .sentence("But seven eight nine ten eleven twelve")
                .build();
        LabelGenerator labels = TASK.labels(context(Map.of("max-segment-length", 3, "max-class-share", 1), 64, List.of(document)));
        int[] first = encode("one two three four five six");
        int[] second = encode("seven eight nine ten eleven twelve");
        Example expected = pair(Arrays.copyOfRange(first, first.length - 3, first.length), Arrays.copyOf(second, 3), 0);
        assertThat(labels.generate(document, new SplittableRandom(1))).containsExactly(expected);
    }

    @Test
    void reportsWhatItSkipsInsteadOfThrowing()
    {
        TestingTaskContext context = context(KEEP_ALL, 32, List.of());
        LabelGenerator labels = TASK.labels(context);
        SplittableRandom random = new SplittableRandom(5);
        for (Document document : List.of(EdgeCaseDocuments.empty(), EdgeCaseDocuments.emptySentence(), EdgeCaseDocuments.singleWord(VOCABULARY),
                EdgeCaseDocuments.longSentence(VOCABULARY, 32), EdgeCaseDocuments.punctuationOnly(VOCABULARY))) {
            assertThat(labels.generate(document, random)).as(document.id()).isEmpty();
        }
        assertThat(context.testingReporter().skipCount(DiscourseRelationGenerator.TOO_FEW_SENTENCES)).isEqualTo(5);

        Document noMarker = TestingDocumentBuilder.document("plain", VOCABULARY).sentence("The taxes rose .").sentence("The debt fell .").build();
        assertThat(labels.generate(noMarker, random)).isEmpty();
        assertThat(context.testingReporter().skipCount(DiscourseRelationGenerator.NO_MARKER)).isEqualTo(1);

        Document bare = TestingDocumentBuilder.document("bare", VOCABULARY).sentence("The taxes rose .").sentence("However , .").build();
        assertThat(labels.generate(bare, random)).isEmpty();
        assertThat(context.testingReporter().skipCount(DiscourseRelationGenerator.NOTHING_AFTER_MARKER)).isEqualTo(1);

        String words = String.join(" ", IntStream.range(0, 31).mapToObj(i -> "tax").toList());
        Document tooLong = TestingDocumentBuilder.document("long", VOCABULARY)
                .sentence(words).sentence("But the debt fell .")
                .sentence("The debt fell .").sentence("But " + words)
                .sentence("The army grew .").sentence("But it shrank .")
                .build();
        assertThat(labels.generate(tooLong, random)).singleElement().isEqualTo(pair("The army grew", "it shrank", 0));
        assertThat(context.testingReporter().skipCount(DiscourseRelationGenerator.LONGER_THAN_INPUT)).isEqualTo(2);
        assertThat(context.testingReporter().warnings()).isEmpty();
    }

    @Test
    void thinsADominantClassToTheShareAndCountsWhatItLeavesOut()
    {
        List<Document> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // Eight contrast pairs and two example pairs per document: contrast is 80% of the markers.
            TestingDocumentBuilder builder = TestingDocumentBuilder.document("d" + i, VOCABULARY).sentence("The taxes rose .");
            for (int pair = 0; pair < 10; pair++) {
                builder.sentence(pair < 8 ? "But the debt fell ." : "For example the army grew .");
            }
            corpus.add(builder.build());
        }
        TestingTaskContext context = context(Map.of("max-class-share", 0.5), 64, corpus);
        LabelGenerator labels = TASK.labels(context);
        int[] counts = new int[11];
        SplittableRandom random = new SplittableRandom(3);
        for (int pass = 0; pass < 10; pass++) {
            for (Document document : corpus) {
                labels.generate(document, random).forEach(example -> counts[((SequenceLabel) example.target()).label()]++);
            }
        }
        // 1600 contrast candidates kept with probability 1/4 (400 expected, sd 17), all 400 examples.
        assertThat(counts[4]).isEqualTo(400);
        assertThat(counts[0]).isBetween(330, 470);
        String thinned = DiscourseRelationGenerator.thinnedReason("contrast");
        assertThat(context.testingReporter().skipCount(thinned)).isEqualTo(1600 - counts[0]);
        assertThat(context.testingReporter().warnings()).singleElement().asString()
                .startsWith("discourse-relation: max-class-share 0.5 keeps contrast 25% of their examples; class counts in 20 of 20 documents: 200"
                        + " marked pairs (0 inside sentences) in 200 sentence pairs: contrast 160 (80.0%)");
    }

    @Test
    void weighsTheClassesFromACorpusSampleWhenAskedTo()
    {
        Document document = TestingDocumentBuilder.document("d", VOCABULARY)
                .sentence("The taxes rose .")
                .sentence("But the debt fell .").sentence("But the debt fell again .").sentence("But the army grew .")
                .sentence("For example , the navy grew .")
                .build();
        TestingTaskContext context = context(Map.of("class-weights", "balanced", "max-class-share", 1,
                "markers", List.of("but=contrast", "for example=example", "indeed=elaboration")), 64, List.of(document));
        assertThat(TASK.head(context)).isInstanceOfSatisfying(SequenceClassificationHead.class,
                head -> assertThat(head.classWeights()).hasValueSatisfying(weights ->
                        // Three contrast and one example: 4 / (2 x 3), 4 / (2 x 1), and the rarest's for the class not found.
                        assertThat(weights).containsExactly(4f / 6, 2f, 2f)));
    }

    @Test
    void warnsOnceWhenTheCorpusSampleHasNoMarker()
    {
        Document plain = TestingDocumentBuilder.document("plain", VOCABULARY).sentence("The taxes rose .").sentence("The debt fell .").build();
        TestingTaskContext context = context(Map.of(), 64, List.of(plain));
        TASK.head(context);
        TASK.labels(context);
        assertThat(context.testingReporter().warnings()).containsExactly("discourse-relation: no sentence or clause pair in 1 of 1 documents"
                + " has a discourse marker of the table, so the task will make few examples or none; classes are neither thinned nor weighted");
    }

    @Test
    void isDeterministicForARandomSourceAndThinningVariesWithIt()
    {
        List<Document> documents = Addresses.withFixture();
        LabelGenerator labels = TASK.labels(context(Map.of("max-class-share", 0.2), 128, documents));
        for (Document document : documents) {
            assertThat(labels.generate(document, new SplittableRandom(11))).isEqualTo(labels.generate(document, new SplittableRandom(11)));
        }
        List<List<Example>> bySeed = Stream.of(1, 2, 3, 4)
                .map(seed -> documents.stream().flatMap(document -> labels.generate(document, new SplittableRandom(seed)).stream()).toList())
                .toList();
        assertThat(bySeed.get(0)).isNotEmpty();
        assertThat(bySeed).doesNotHaveDuplicates();
    }

    /** The expected example of two sentences given as words, the second already without its marker. */
    private static Example pair(String first, String second, int label)
    {
        return pair(encode(first), encode(second), label);
    }

    private static Example pair(int[] a, int[] b, int label)
    {
        int[] ids = IntStream.concat(IntStream.concat(IntStream.of(VOCABULARY.clsId()), Arrays.stream(a)),
                IntStream.concat(IntStream.of(VOCABULARY.sepId()), IntStream.concat(Arrays.stream(b), IntStream.of(VOCABULARY.sepId())))).toArray();
        int[] segments = new int[ids.length];
        Arrays.fill(segments, a.length + 2, ids.length, 1);
        return new Example(ids, segments, new SequenceLabel(label));
    }

    private static int[] encode(String words)
    {
        return Arrays.stream(words.split(" ")).flatMapToInt(word -> Arrays.stream(VOCABULARY.encode(word))).toArray();
    }

    private static TestingTaskContext context(Map<String, ?> settings, int maxSequenceLength, List<Document> corpus)
    {
        return TestingTaskContext.builder(VOCABULARY)
                .taskName(DiscourseRelationTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .corpus(corpus)
                .build();
    }
}
