package org.ernie4j.tasks.semantic;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TaskContractCheck;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IR relevance with the hand-made search log of the test resources (24 distinct pairs of 8 queries, 5 malformed lines),
 * checked against the log as this test reads it on its own.
 */
class TestIrRelevanceTask
{
    private static final IrRelevanceTask TASK = new IrRelevanceTask();
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final Path LOG = resource("searchlog/clicks.tsv");
    private static final Path EMPTY_LOG = resource("searchlog/empty.tsv");

    @Test
    void describesItself()
    {
        assertThat(TASK.info().name()).isEqualTo("ir-relevance");
        assertThat(TASK.info().family()).isEqualTo(TaskFamily.SEMANTIC_AWARE);
        assertThat(TASK.info().description()).contains("clicked");
        assertThat(TASK.head(context(Map.of(), 128, List.of())))
                .isInstanceOfSatisfying(SequenceClassificationHead.class, head -> assertThat(head.numClasses()).isEqualTo(3));
        assertThat(TASK).hasToString("ir-relevance");
    }

    @Test
    void withoutALogItFailsNamingTheLogSettingAndTheFallback()
    {
        TestingTaskContext context = context(Map.of(), 128, Fixtures.sotu());
        assertThatThrownBy(() -> TASK.labels(context))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("tasks.ir-relevance.log: no search log given. Set log to a TSV file of query<TAB>title<TAB>clicked|shown lines"
                        + " (see the task's documentation), or set fallback: passages to train on a stand-in built from the corpus's"
                        + " passages, which is not search-log data")
                .extracting(e -> ((InvalidSettingException) e).path()).isEqualTo("tasks.ir-relevance.log");
    }

    static Stream<Arguments> logSettingsAndLengths()
    {
        return Stream.of(
                Arguments.of(Map.of("log", LOG.toString()), 128),
                Arguments.of(Map.of("log", LOG.toString()), 5),
                Arguments.of(Map.of("log", LOG.toString(), "max-query-length", 2, "pairs-per-document", 40), 12),
                Arguments.of(Map.of("log", LOG.toString(), "random-title-share", 1.0), 64),
                Arguments.of(Map.of("log", LOG.toString(), "random-title-share", 0), 64),
                Arguments.of(Map.of("log", EMPTY_LOG.toString()), 128),
                Arguments.of(Map.of("fallback", "document-titles"), 128),
                Arguments.of(Map.of("fallback", "document-titles", "pairs-per-document", 5, "max-query-length", 1), 7),
                Arguments.of(Map.of("fallback", "document-titles", "random-title-share", 1), 32),
                Arguments.of(Map.of("fallback", "passages"), 128),
                Arguments.of(Map.of("fallback", "passages", "pairs-per-document", 5, "max-query-length", 1), 7),
                Arguments.of(Map.of("fallback", "passages", "weak-share", 0.5, "random-title-share", 0.5), 32));
    }

    @ParameterizedTest
    @MethodSource("logSettingsAndLengths")
    void keepsTheTaskContractOnTheSharedFixture(Map<String, Object> settings, int maxSequenceLength)
    {
        TestingTaskContext context = context(settings, maxSequenceLength, Fixtures.sotu());
        TaskContractCheck.of(TASK, context).verify(Fixtures.sotu());
        assertThat(context.settings().unreadKeys()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("logSettingsAndLengths")
    void keepsTheTaskContractOnEdgeCasesAlone(Map<String, Object> settings, int maxSequenceLength)
    {
        List<Document> edges = EdgeCaseDocuments.all(VOCABULARY, maxSequenceLength);
        TaskContractCheck.of(TASK, context(settings, maxSequenceLength, edges)).verify(edges);
    }

    @Test
    void readsEverySettingWhenItJoinsARun()
    {
        TestingTaskContext context = context(Map.of("log", LOG.toString(), "fallback", "none", "pairs-per-document", 3,
                "random-title-share", 0.5, "max-query-length", 16, "held-out-queries", 0.2), 128, List.of());
        TASK.labels(context);
        assertThat(context.settings().unreadKeys()).isEmpty();
        assertThat(context.settings().readKeys()).containsExactlyInAnyOrder(
                "log", "fallback", "pairs-per-document", "random-title-share", "max-query-length", "held-out-queries", "weak-share");
    }

    static Stream<Arguments> badSettings()
    {
        return Stream.of(
                Arguments.of(Map.of("log", "no/such/log.tsv"), 128, "tasks.ir-relevance.log: no such file: " + Path.of("no/such/log.tsv").toAbsolutePath()),
                Arguments.of(Map.of("log", LOG.toString(), "fallback", "document-titles"), 128,
                        "tasks.ir-relevance.fallback: cannot be used together with log: the fallback stands in for a missing search log"),
                Arguments.of(Map.of("fallback", "headlines"), 128,
                        "tasks.ir-relevance.fallback: must be 'none', 'passages' or 'document-titles', not 'headlines'"),
                Arguments.of(Map.of("fallback", "passages", "weak-share", -0.1), 128, "tasks.ir-relevance.weak-share: must be between 0 and 1, not -0.1"),
                Arguments.of(Map.of("fallback", "passages", "weak-share", 0.5, "random-title-share", 0.6), 128,
                        "tasks.ir-relevance.weak-share: and random-title-share are the shares of classes 1 and 2 and must add up to at most 1, not 0.5 + 0.6"),
                Arguments.of(Map.of("log", LOG.toString(), "weak-share", 0.2), 128,
                        "tasks.ir-relevance.weak-share: applies only to fallback: passages (a search log says itself which titles were shown and"
                                + " not clicked, and document-titles makes none)"),
                Arguments.of(Map.of("fallback", "document-titles", "weak-share", 0.2), 128,
                        "tasks.ir-relevance.weak-share: applies only to fallback: passages (a search log says itself which titles were shown and"
                                + " not clicked, and document-titles makes none)"),
                Arguments.of(Map.of("log", LOG.toString(), "pairs-per-document", 0), 128,
                        "tasks.ir-relevance.pairs-per-document: must be between 1 and 4096, not 0"),
                Arguments.of(Map.of("log", LOG.toString(), "random-title-share", 1.5), 128,
                        "tasks.ir-relevance.random-title-share: must be between 0 and 1, not 1.5"),
                Arguments.of(Map.of("log", LOG.toString(), "held-out-queries", 1.0), 128,
                        "tasks.ir-relevance.held-out-queries: must be at least 0 and below 1, not 1.0"),
                Arguments.of(Map.of("log", LOG.toString(), "max-query-length", 125), 128,
                        "tasks.ir-relevance.max-query-length: must be between 1 and 124 (the maximum length 128 less [CLS], two [SEP] and one title piece), not 125"),
                Arguments.of(Map.of("log", LOG.toString()), 4,
                        "tasks.ir-relevance.max-query-length: a query/title pair needs inputs of at least 5 pieces, but the model's maximum length is 4"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void refusesBadSettingsNamingTheirPath(Map<String, Object> settings, int maxSequenceLength, String message)
    {
        assertThatThrownBy(() -> TASK.labels(context(settings, maxSequenceLength, List.of())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    @Test
    void refusesALogThatIsNotUtf8(@TempDir Path directory)
            throws IOException
    {
        Path latin1 = directory.resolve("latin1.tsv");
        Files.write(latin1, "caf\u00e9\tCaf\u00e9s of Paris\tclicked\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TASK.labels(context(Map.of("log", latin1.toString()), 128, List.of())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("tasks.ir-relevance.log: " + latin1 + " is not UTF-8 text");
    }

    @Test
    void labelsAgreeWithTheLogAndARandomTitleWasNeverShownForItsQuery()
    {
        LogAsRead log = LogAsRead.read(LOG);
        TestingTaskContext context = context(Map.of("log", LOG.toString()), 128, Fixtures.sotu());
        LabelGenerator labels = TASK.labels(context);
        // The fixture is the training corpus; the other addresses are held out.
        List<Document> documents = Addresses.withFixture();
        Set<String> training = Fixtures.sotu().stream().map(Document::id).collect(java.util.stream.Collectors.toSet());
        int[] counts = new int[3];
        Map<Boolean, Set<List<List<Integer>>>> pairsSeen = Map.of(true, new HashSet<>(), false, new HashSet<>());
        Map<Boolean, Set<List<Integer>>> queriesSeen = Map.of(true, new HashSet<>(), false, new HashSet<>());
        Set<Integer> examplesPerDocument = new HashSet<>();
        Set<List<Integer>> randomTitles = new HashSet<>();
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Document document : documents) {
                boolean trained = training.contains(document.id());
                List<Example> examples = labels.generate(document, random);
                examplesPerDocument.add(examples.size());
                for (Example example : examples) {
                    List<Integer> query = segment(example, 0);
                    List<Integer> title = segment(example, 1);
                    Map<List<Integer>, Boolean> shown = log.shown().get(query);
                    assertThat(shown).as("query of %s is a query of the log", example).isNotNull();
                    queriesSeen.get(trained).add(query);
                    int label = ((SequenceLabel) example.target()).label();
                    counts[label]++;
                    switch (label) {
                        case 0 -> assertThat(shown.get(title)).as("clicked: %s", example).isTrue();
                        case 1 -> assertThat(shown.get(title)).as("shown, never clicked: %s", example).isFalse();
                        default -> {
                            assertThat(shown).as("a random title is never shown for its query: %s", example).doesNotContainKey(title);
                            assertThat(log.titles()).as("a random title comes from the log").contains(title);
                            randomTitles.add(title);
                        }
                    }
                    if (label < 2) {
                        pairsSeen.get(trained).add(List.of(query, title));
                    }
                }
            }
        }
        int total = counts[0] + counts[1] + counts[2];
        assertThat((double) counts[2] / total).isBetween(0.28, 0.39);
        // 9 of the 24 pairs are clicked; training and held-out documents draw from different queries, so class 0 is only
        // roughly 9/24 of the log pairs drawn, and both classes occur.
        assertThat((double) counts[0] / (counts[0] + counts[1])).isBetween(0.25, 0.6);
        // Held-out documents draw only the held-out queries' pairs, training documents only the others': no query in both.
        assertThat(queriesSeen.get(false)).isNotEmpty().doesNotContainAnyElementsOf(queriesSeen.get(true));
        assertThat(queriesSeen.get(true).size() + queriesSeen.get(false).size()).isEqualTo(log.shown().size());
        assertThat(pairsSeen.get(true).size() + pairsSeen.get(false).size()).as("every pair of the log is drawn").isEqualTo(24);
        // One pass over the 3 training documents draws each training pair once in expectation, two thirds being log pairs.
        assertThat(examplesPerDocument).containsExactly((int) Math.ceil(pairsSeen.get(true).size() / (2.0 / 3 * 3)));
        assertThat(randomTitles.size()).isGreaterThan(15);
        assertThat(context.testingReporter().skipCount(SearchLogReader.MALFORMED_LINE)).isEqualTo(5);
        assertThat(context.testingReporter().warnings()).hasSize(5).allSatisfy(warning -> assertThat(warning).contains(LOG + " line "));
    }

    @Test
    void aTenthOfTheQueriesIsHeldOutTheSameWayInEveryRunAndAtLeastOne()
            throws IOException
    {
        SearchLog log = new SearchLogReader(VOCABULARY, new org.ernie4j.testkit.TestingTaskReporter(), IrRelevanceTask.NAME)
                .read(new java.io.StringReader(String.join("\n", java.util.stream.IntStream.range(0, 400)
                        .mapToObj(i -> "query " + i + "\ttitle " + i + "\tclicked").toList())), "generated");
        HeldOutQueries tenth = HeldOutQueries.of(log, 0.1);
        assertThat(tenth.heldOutQueryCount()).isBetween(25, 55);
        assertThat(tenth.trainingPairs().length + tenth.heldOutPairs().length).isEqualTo(log.pairCount());
        assertThat(HeldOutQueries.of(log, 0.1).heldOutPairs()).isEqualTo(tenth.heldOutPairs());
        assertThat(HeldOutQueries.of(log, 0.0).heldOutPairs()).isEmpty();
        // A log of two queries: one is held out, one trained on, whatever the share.
        SearchLog two = new SearchLogReader(VOCABULARY, new org.ernie4j.testkit.TestingTaskReporter(), IrRelevanceTask.NAME)
                .read(new java.io.StringReader("tax\tTaxes\tclicked\nwar\tThe Army\tshown\n"), "two");
        assertThat(HeldOutQueries.of(two, 0.01).heldOutQueryCount()).isEqualTo(1);
        assertThat(HeldOutQueries.of(two, 0.99).heldOutQueryCount()).isEqualTo(1);
    }

    @Test
    void aPassOverTheCorpusDrawsAboutAsManyLogPairsAsTheLogHas()
            throws IOException
    {
        List<Document> corpus = Addresses.withFixture();
        LabelGenerator labels = TASK.labels(context(Map.of("log", LOG.toString(), "random-title-share", 0.5), 128, corpus));
        SplittableRandom random = new SplittableRandom(1);
        // The training queries' pairs, once in expectation per pass: ceil(pairs / (0.5 x 7)) a document.
        SearchLog log = new SearchLogReader(VOCABULARY, new org.ernie4j.testkit.TestingTaskReporter(), IrRelevanceTask.NAME).read(Files.newBufferedReader(LOG), LOG.toString());
        int trainingPairs = HeldOutQueries.of(log, IrRelevanceSettings.DEFAULT_HELD_OUT_QUERIES).trainingPairs().length;
        assertThat(trainingPairs).isBetween(12, 23);
        for (Document document : corpus) {
            assertThat(labels.generate(document, random)).hasSize((int) Math.ceil(trainingPairs / (0.5 * 7)));
        }
    }

    @Test
    void aQueryShownEveryTitleGetsNoRandomTitleAndTheSkipIsCounted(@TempDir Path directory)
            throws IOException
    {
        Path log = directory.resolve("small.tsv");
        Files.writeString(log, "tax\tTaxes\tclicked\ntax\tTariffs\tshown\n");
        TestingTaskContext context = context(Map.of("log", log.toString(), "random-title-share", 1, "pairs-per-document", 4), 64,
                List.of(EdgeCaseDocuments.empty()));
        assertThat(TASK.labels(context).generate(EdgeCaseDocuments.empty(), new SplittableRandom(1))).isEmpty();
        assertThat(context.testingReporter().skipCount(SearchLogGenerator.NO_RANDOM_TITLE)).isEqualTo(4);
    }

    @Test
    void anEmptyLogIsWarnedAboutOnceAndEveryDocumentIsSkipped()
    {
        TestingTaskContext context = context(Map.of("log", EMPTY_LOG.toString()), 128, Fixtures.sotu());
        LabelGenerator labels = TASK.labels(context);
        for (Document document : Fixtures.sotu()) {
            assertThat(labels.generate(document, new SplittableRandom(1))).isEmpty();
        }
        assertThat(context.testingReporter().skipCount(SearchLogGenerator.EMPTY_LOG)).isEqualTo(3);
        assertThat(context.testingReporter().warnings())
                .containsExactly("ir-relevance: " + EMPTY_LOG + " has no usable query/title pair, so the task makes no examples");
    }

    @Test
    void warnsWhenTheLogLacksAClass(@TempDir Path directory)
            throws IOException
    {
        Path log = directory.resolve("clicked-only.tsv");
        Files.writeString(log, "tax\tTaxes\tclicked\nwar\tThe Army\tclicked\n");
        TestingTaskContext context = context(Map.of("log", log.toString()), 64, List.of());
        TASK.labels(context);
        assertThat(context.testingReporter().warnings()).containsExactly("ir-relevance: " + log + " has no shown but not clicked pair, so class 1 never occurs");
    }

    @Test
    void isDeterministicForARandomSourceAndVariesWithIt()
    {
        LabelGenerator labels = TASK.labels(context(Map.of("log", LOG.toString()), 128, Fixtures.sotu()));
        Document document = Fixtures.sotu().get(0);
        assertThat(labels.generate(document, new SplittableRandom(5))).isEqualTo(labels.generate(document, new SplittableRandom(5)));
        assertThat(labels.generate(document, new SplittableRandom(5))).isNotEqualTo(labels.generate(document, new SplittableRandom(6)));
    }

    /** The pieces of segment 0 (without [CLS] and [SEP]) or 1 (without [SEP]). */
    static List<Integer> segment(Example example, int segment)
    {
        List<Integer> pieces = new ArrayList<>();
        for (int i = 0; i < example.length(); i++) {
            if (example.segmentId(i) == segment) {
                pieces.add(example.inputId(i));
            }
        }
        return pieces.subList(segment == 0 ? 1 : 0, pieces.size() - 1);
    }

    /**
     * The test's own reading of a log: for each query's pieces, the pieces of every title shown for it and whether it was
     * ever clicked. Lines that are not three columns with a known third value are left out.
     */
    private record LogAsRead(Map<List<Integer>, Map<List<Integer>, Boolean>> shown, Set<List<Integer>> titles)
    {
        static LogAsRead read(Path file)
        {
            Map<List<Integer>, Map<List<Integer>, Boolean>> shown = new HashMap<>();
            Set<List<Integer>> titles = new HashSet<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] columns = line.split("\t", -1);
                    if (line.startsWith("#") || columns.length != 3 || columns[0].isBlank() || columns[1].isBlank() || columns[0].equals("query")) {
                        continue;
                    }
                    String value = columns[2].strip();
                    if (!List.of("clicked", "shown", "1", "0").contains(value)) {
                        continue;
                    }
                    boolean clicked = value.equals("clicked") || value.equals("1");
                    List<Integer> title = pieces(columns[1]);
                    titles.add(title);
                    shown.computeIfAbsent(pieces(columns[0]), query -> new HashMap<>()).merge(title, clicked, Boolean::logicalOr);
                }
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new LogAsRead(shown, titles);
        }

        private static List<Integer> pieces(String text)
        {
            return Arrays.stream(VOCABULARY.encode(text.strip().toLowerCase(Locale.ROOT))).boxed().toList();
        }
    }

    static Path resource(String name)
    {
        try {
            return Path.of(TestIrRelevanceTask.class.getClassLoader().getResource(name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestingTaskContext context(Map<String, ?> settings, int maxSequenceLength, List<Document> corpus)
    {
        return TestingTaskContext.builder(VOCABULARY)
                .taskName(IrRelevanceTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .corpus(corpus)
                .build();
    }
}
