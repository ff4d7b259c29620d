package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TaskContractCheck;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.tasks.semantic.TestIrRelevanceTask.context;
import static org.ernie4j.tasks.semantic.TestIrRelevanceTask.segment;

/**
 * IR relevance's passages fallback on seven real State of the Union addresses (the annotated fixture, with OpenNLP tags,
 * and four raw addresses): each example checked against the address it came from, read by the test on its own.
 */
class TestIrRelevancePassages
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final Map<String, Object> PASSAGES = Map.of("fallback", "passages");
    private static final int MAX_SEQUENCE_LENGTH = 512;

    @Test
    void saysOnceThatItIsAStandInAndNotSearchLogData()
    {
        TestingTaskContext context = context(PASSAGES, MAX_SEQUENCE_LENGTH, Fixtures.sotu());
        new IrRelevanceTask().labels(context);
        assertThat(context.testingReporter().warnings()).singleElement().asString()
                .contains("passages fallback").contains("not search-log data").contains("class 1, weak");
    }

    @Test
    void theQueryIsKeywordsAroundTheLineAndTheLineIsWhereItsClassSays()
    {
        List<Document> documents = Addresses.withFixture();
        LabelGenerator labels = new IrRelevanceTask().labels(context(PASSAGES, MAX_SEQUENCE_LENGTH, documents));
        int[] counts = new int[3];
        Set<List<Integer>> queries = new HashSet<>();
        for (int seed = 0; seed < 3; seed++) {
            for (Document document : documents) {
                List<Example> examples = labels.generate(document, new SplittableRandom(seed));
                assertThat(examples).as("examples of %s", document.id()).hasSize(PassageGenerator.DEFAULT_PAIRS_PER_DOCUMENT);
                List<List<Integer>> lines = lines(document);
                for (Example example : examples) {
                    List<Integer> query = segment(example, 0);
                    List<Integer> line = segment(example, 1);
                    int label = ((SequenceLabel) example.target()).label();
                    counts[label]++;
                    queries.add(query);
                    List<Integer> anchors = anchorsOf(query, document);
                    assertThat(anchors).as("sentences whose passage gives the query of %s", example).isNotEmpty();
                    assertThat(query).as("a query never copies its whole passage").isNotEqualTo(line);
                    switch (label) {
                        case 0 -> {
                            assertThat(anchors.stream().map(lines::get)).as("strong line of %s", example).contains(line);
                            Sentence strong = withText(document).get(lines.indexOf(line));
                            assertThat(nounsAndAdjectives(strong)).as("a word of the query in the strong line of %s", example)
                                    .anyMatch(word -> Collections.indexOfSubList(query, word) >= 0);
                        }
                        case 1 -> assertThat(anchors).as("weak line of %s", example).anyMatch(anchor -> farLines(lines, anchor).contains(line));
                        default -> assertThat(documents.stream().filter(other -> other != document).flatMap(other -> lines(other).stream()))
                                .as("irrelevant line of %s", example).contains(line);
                    }
                }
            }
        }
        int total = counts[0] + counts[1] + counts[2];
        for (int label = 0; label < 3; label++) {
            assertThat((double) counts[label] / total).as("share of class %d of %d", label, total).isBetween(0.28, 0.39);
        }
        assertThat(queries.size()).as("distinct queries").isGreaterThan(total * 9 / 10);
    }

    @Test
    void theMixOfClassesIsSetByWeakShareAndRandomTitleShare()
    {
        List<Document> documents = Fixtures.sotu();
        assertThat(classes(Map.of("fallback", "passages", "weak-share", 0, "random-title-share", 0), documents)).containsOnly(0);
        assertThat(classes(Map.of("fallback", "passages", "weak-share", 1, "random-title-share", 0), documents)).containsOnly(1);
        assertThat(classes(Map.of("fallback", "passages", "weak-share", 0, "random-title-share", 1), documents)).containsOnly(2);
        List<Integer> half = classes(Map.of("fallback", "passages", "weak-share", 0.5, "random-title-share", 0.25), documents);
        assertThat(half.stream().filter(label -> label == 1).count()).isBetween(half.size() * 40L / 100, half.size() * 60L / 100);
        assertThat(classes(Map.of("fallback", "passages", "pairs-per-document", 5), documents)).hasSize(5 * documents.size());
    }

    @Test
    void aHeldOutDocumentsIrrelevantLinesComeFromOtherHeldOutDocumentsOnly()
    {
        List<Document> training = Addresses.documents();
        List<Document> heldOut = Fixtures.sotu();
        TestingTaskContext context = TestingTaskContext.builder(VOCABULARY).taskName(IrRelevanceTask.NAME)
                .settings(Map.of("fallback", "passages", "weak-share", 0, "random-title-share", 1)).maxSequenceLength(MAX_SEQUENCE_LENGTH)
                .corpus(training).heldOut(heldOut).build();
        LabelGenerator labels = new IrRelevanceTask().labels(context);
        Set<List<Integer>> trainingLines = new HashSet<>();
        training.forEach(document -> trainingLines.addAll(lines(document)));
        for (Document document : heldOut) {
            Set<List<Integer>> others = new HashSet<>();
            heldOut.stream().filter(other -> other != document).forEach(other -> others.addAll(lines(other)));
            for (Example example : labels.generate(document, new SplittableRandom(3))) {
                List<Integer> line = segment(example, 1);
                assertThat(others).as("irrelevant line of held-out %s", document.id()).contains(line);
                assertThat(trainingLines).as("a held-out example shows no training text").doesNotContain(line);
            }
        }
        Set<List<Integer>> heldOutLines = new HashSet<>();
        heldOut.forEach(document -> heldOutLines.addAll(lines(document)));
        for (Example example : labels.generate(training.get(0), new SplittableRandom(3))) {
            assertThat(heldOutLines).as("a training example shows no held-out text").doesNotContain(segment(example, 1));
        }
    }

    @Test
    void keepsTheTaskContractWithHeldOutDocuments()
    {
        TestingTaskContext context = TestingTaskContext.builder(VOCABULARY).taskName(IrRelevanceTask.NAME).settings(PASSAGES)
                .corpus(Addresses.documents()).heldOut(Fixtures.sotu()).build();
        TaskContractCheck.of(new IrRelevanceTask(), context).verify(Addresses.withFixture());
    }

    @Test
    void isDeterministicForARandomSourceAndVariesWithIt()
    {
        List<Document> documents = Fixtures.sotu();
        Document document = documents.get(1);
        List<Example> first = new IrRelevanceTask().labels(context(PASSAGES, 128, documents)).generate(document, new SplittableRandom(5));
        List<Example> again = new IrRelevanceTask().labels(context(PASSAGES, 128, documents)).generate(document, new SplittableRandom(5));
        List<Example> other = new IrRelevanceTask().labels(context(PASSAGES, 128, documents)).generate(document, new SplittableRandom(6));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void skipsDocumentsTooShortForTwoPassagesOrWithoutKeywordsOrAnotherDocument()
    {
        TestingTaskContext context = context(PASSAGES, 64, List.of());
        LabelGenerator labels = new IrRelevanceTask().labels(context);
        SplittableRandom random = new SplittableRandom(1);
        assertThat(labels.generate(EdgeCaseDocuments.empty(), random)).isEmpty();
        assertThat(labels.generate(sentences("short", PassageGenerator.FEWEST_SENTENCES - 1, "The tariff rose ."), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(PassageGenerator.TOO_FEW_SENTENCES)).isEqualTo(2);
        // Numbers and function words only: no noun or adjective to query with.
        assertThat(labels.generate(sentences("numbers", 12, "it is 42 ."), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(PassageGenerator.NO_QUERY)).isEqualTo(PassageGenerator.DEFAULT_PAIRS_PER_DOCUMENT);

        TestingTaskContext alone = context(Map.of("fallback", "passages", "weak-share", 0, "random-title-share", 1, "pairs-per-document", 3), 64,
                List.of(Fixtures.sotu().get(0)));
        assertThat(new IrRelevanceTask().labels(alone).generate(Fixtures.sotu().get(0), random)).isEmpty();
        assertThat(alone.testingReporter().skipCount(PassageGenerator.NO_OTHER_LINE)).isEqualTo(3);
    }

    @Test
    void aWeakLineIsDrawnUniformlyAmongTheSentencesMoreThanFarAway()
    {
        int count = PassageGenerator.FEWEST_SENTENCES + 3;
        SplittableRandom random = new SplittableRandom(7);
        for (int line = 0; line < count; line++) {
            int[] drawn = new int[count];
            for (int draw = 0; draw < 2000; draw++) {
                drawn[PassageGenerator.farFrom(line, count, random)]++;
            }
            for (int j = 0; j < count; j++) {
                if (Math.abs(j - line) <= PassageGenerator.FAR) {
                    assertThat(drawn[j]).as("sentence %d for line %d", j, line).isZero();
                }
                else {
                    assertThat(drawn[j]).as("sentence %d for line %d", j, line).isPositive();
                }
            }
        }
    }

    private static List<Integer> classes(Map<String, ?> settings, List<Document> documents)
    {
        LabelGenerator labels = new IrRelevanceTask().labels(context(settings, MAX_SEQUENCE_LENGTH, documents));
        List<Integer> classes = new ArrayList<>();
        for (Document document : documents) {
            labels.generate(document, new SplittableRandom(11)).forEach(example -> classes.add(((SequenceLabel) example.target()).label()));
        }
        return classes;
    }

    /** The test's own reading of the lines a document can give: the pieces of each sentence with text. */
    private static List<List<Integer>> lines(Document document)
    {
        return withText(document).stream().map(sentence -> Arrays.stream(Pieces.of(sentence, 0)).boxed().toList()).toList();
    }

    private static List<Sentence> withText(Document document)
    {
        return document.sentences().stream().filter(sentence -> sentence.pieceCount() > 0).toList();
    }

    private static List<List<Integer>> farLines(List<List<Integer>> lines, int anchor)
    {
        List<List<Integer>> far = new ArrayList<>();
        for (int j = 0; j < lines.size(); j++) {
            if (Math.abs(j - anchor) > PassageGenerator.FAR) {
                far.add(lines.get(j));
            }
        }
        return far;
    }

    /**
     * The sentences (by index among those with text) whose passage, the sentences within two of it, holds the query: two
     * to four of its nouns and adjectives, in text order, one after another.
     */
    private static List<Integer> anchorsOf(List<Integer> query, Document document)
    {
        List<Sentence> sentences = withText(document);
        List<Integer> anchors = new ArrayList<>();
        for (int anchor = 0; anchor < sentences.size(); anchor++) {
            List<List<Integer>> passage = new ArrayList<>();
            for (int i = Math.max(0, anchor - PassageGenerator.RADIUS); i <= Math.min(sentences.size() - 1, anchor + PassageGenerator.RADIUS); i++) {
                passage.addAll(nounsAndAdjectives(sentences.get(i)));
            }
            if (composed(query, 0, passage, 0, 0)) {
                anchors.add(anchor);
            }
        }
        return anchors;
    }

    private static List<List<Integer>> nounsAndAdjectives(Sentence sentence)
    {
        return sentence.tokens().stream()
                .filter(token -> token.pos().startsWith("NN") || token.pos().startsWith("JJ"))
                .map(token -> Arrays.stream(token.pieceIds()).boxed().toList())
                .toList();
    }

    /** Whether {@code query} from {@code at} on is made of whole words of {@code words} from {@code from} on, in order. */
    private static boolean composed(List<Integer> query, int at, List<List<Integer>> words, int from, int used)
    {
        if (at == query.size()) {
            return used >= 2 && used <= PassageGenerator.QUERY_WORDS;
        }
        for (int word = from; word < words.size() && used < PassageGenerator.QUERY_WORDS; word++) {
            List<Integer> pieces = words.get(word);
            if (at + pieces.size() <= query.size() && query.subList(at, at + pieces.size()).equals(pieces)
                    && composed(query, at + pieces.size(), words, word + 1, used + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Document sentences(String id, int count, String sentence)
    {
        TestingDocumentBuilder builder = TestingDocumentBuilder.document(id, VOCABULARY);
        for (int i = 0; i < count; i++) {
            builder.sentence(sentence);
        }
        return builder.build();
    }
}
