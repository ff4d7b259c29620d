package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.testkit.TestingTaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentence distance on three real addresses cut into documents of ten to nineteen sentences, checked from the outside:
 * every sentence of a pair is found again in the corpus, which tells whether the label is right.
 */
class TestSentenceDistanceOnRealText
{
    private static final SotuCorpus CORPUS = SotuCorpus.get();
    private static final List<Document> DOCUMENTS = CORPUS.documents(10);
    // Long enough that no sentence of these addresses is cut, so that each is found whole.
    private static final int MAX_SEQUENCE_LENGTH = 512;

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "6, 3, 1", "1, 1, 0", "0, 2, 1"})
    void drawsTheClassesInTheConfiguredBalance(double adjacent, double sameDocument, double otherDocument)
    {
        int draws = 3000;
        TestingTaskContext context = context(Map.of("adjacent-weight", adjacent, "same-document-weight", sameDocument,
                "other-document-weight", otherDocument), DOCUMENTS);
        int[] counts = new int[3];
        for (Generated generated : generate(context, DOCUMENTS, draws)) {
            counts[label(generated.example())]++;
        }
        double total = adjacent + sameDocument + otherDocument;
        assertWithinSamplingError("adjacent", counts[0], draws, adjacent / total);
        assertWithinSamplingError("same document", counts[1], draws, sameDocument / total);
        assertWithinSamplingError("other document", counts[2], draws, otherDocument / total);
        // Documents of ten sentences or more in a corpus of many can give every class: nothing is skipped.
        assertThat(context.testingReporter().totalSkips()).isZero();
    }

    @Test
    void labelsSayHowFarApartTheTwoSentencesAre()
    {
        Map<List<Integer>, Place> places = places(DOCUMENTS);
        Set<String> otherDocuments = new HashSet<>();
        int[] counts = new int[3];
        for (Generated generated : generate(context(Map.of(), DOCUMENTS), DOCUMENTS, 1500)) {
            Example example = generated.example();
            List<List<Integer>> pair = sentences(example);
            Place first = places.get(pair.get(0));
            Place second = places.get(pair.get(1));
            assertThat(first).as("first sentence of %s", example).isNotNull();
            assertThat(second).as("second sentence of %s", example).isNotNull();
            assertThat(first.document()).isEqualTo(generated.document().id());
            int label = label(example);
            counts[label]++;
            switch (label) {
                case 0 -> {
                    assertThat(second.document()).isEqualTo(first.document());
                    assertThat(second.sentence()).as("adjacent: %s", example).isEqualTo(first.sentence() + 1);
                }
                case 1 -> {
                    assertThat(second.document()).isEqualTo(first.document());
                    assertThat(second.sentence()).as("same document: %s", example).isGreaterThanOrEqualTo(first.sentence() + 2);
                }
                default -> {
                    assertThat(second.document()).as("other document: %s", example).isNotEqualTo(first.document());
                    otherDocuments.add(second.document());
                }
            }
        }
        assertThat(Arrays.stream(counts).min().orElseThrow()).as("fewest of a class").isGreaterThan(400);
        // The second document is drawn from the whole corpus, not from a few neighbours.
        assertThat(otherDocuments).hasSize(DOCUMENTS.size());
    }

    @Test
    void aHeldOutDocumentsOtherSideIsAnotherHeldOutDocumentAndATrainingDocumentsIsATrainingDocument()
    {
        List<Document> training = DOCUMENTS.subList(0, 6);
        List<Document> heldOut = DOCUMENTS.subList(6, DOCUMENTS.size());
        TestingTaskContext context = TestingTaskContext.builder(CORPUS.vocabulary())
                .taskName(SentenceDistanceTask.NAME)
                .settings(Map.of("other-document-weight", 1, "adjacent-weight", 0, "same-document-weight", 0))
                .maxSequenceLength(MAX_SEQUENCE_LENGTH)
                .corpus(training)
                .heldOut(heldOut)
                .build();
        Map<List<Integer>, Place> places = places(DOCUMENTS);
        Set<String> trainingIds = new HashSet<>();
        training.forEach(document -> trainingIds.add(document.id()));
        Set<String> heldOutSeen = new HashSet<>();
        for (Generated generated : generate(context, heldOut, 600)) {
            String second = places.get(sentences(generated.example()).get(1)).document();
            assertThat(trainingIds).as("a held-out pair shows no training text").doesNotContain(second);
            assertThat(second).isNotEqualTo(generated.document().id());
            heldOutSeen.add(second);
        }
        assertThat(heldOutSeen).hasSize(heldOut.size());
        for (Generated generated : generate(context, training, 600)) {
            assertThat(trainingIds).as("a training pair shows no held-out text").contains(places.get(sentences(generated.example()).get(1)).document());
        }
    }

    @Test
    void aCorpusOfOneDocumentYieldsNoPairOfTwoDocumentsAndSaysSoOnce()
    {
        List<Document> single = CORPUS.addresses().subList(1, 2);
        TestingTaskContext context = context(Map.of(), single);
        List<Generated> generated = generate(context, single, 1000);
        assertThat(generated).extracting(each -> label(each.example())).containsOnly(0, 1);
        assertThat(context.testingReporter().skipCount(SentenceDistanceGenerator.NO_OTHER_DOCUMENT)).isGreaterThan(300);
        assertThat(context.testingReporter().warnings()).containsExactly(SentenceDistanceGenerator.SINGLE_DOCUMENT_WARNING);
    }

    /** Where a sentence is: its document and its index there. */
    private record Place(String document, int sentence)
    {
    }

    private static Map<List<Integer>, Place> places(List<Document> documents)
    {
        Map<List<Integer>, Place> places = new HashMap<>();
        for (Document document : documents) {
            for (int i = 0; i < document.sentences().size(); i++) {
                List<Integer> pieces = Arrays.stream(SentencePieces.of(document.sentences().get(i))).boxed().toList();
                assertThat(places.put(pieces, new Place(document.id(), i))).as("sentence repeated: %s", pieces).isNull();
            }
        }
        return places;
    }

    /** The pieces of the two sentences of {@code [CLS] a [SEP] b [SEP]}. */
    private static List<List<Integer>> sentences(Example example)
    {
        List<Integer> ids = Arrays.stream(example.inputIds()).boxed().toList();
        int separator = ids.indexOf(CORPUS.vocabulary().sepId());
        return List.of(ids.subList(1, separator), ids.subList(separator + 1, ids.size() - 1));
    }

    private static int label(Example example)
    {
        return ((SequenceLabel) example.target()).label();
    }

    private record Generated(Document document, Example example)
    {
    }

    /** Exactly {@code count} examples over the documents with seeds 0, 1, 2... in turn. */
    private static List<Generated> generate(TestingTaskContext context, List<Document> documents, int count)
    {
        LabelGenerator labels = new SentenceDistanceTask().labels(context);
        List<Generated> generated = new ArrayList<>();
        for (int seed = 0; generated.size() < count; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Document document : documents) {
                for (Example example : labels.generate(document, random)) {
                    generated.add(new Generated(document, example));
                }
            }
        }
        return generated.subList(0, count);
    }

    private static TestingTaskContext context(Map<String, ?> settings, List<Document> corpus)
    {
        return TestingTaskContext.builder(CORPUS.vocabulary())
                .taskName(SentenceDistanceTask.NAME)
                .settings(settings)
                .maxSequenceLength(MAX_SEQUENCE_LENGTH)
                .corpus(corpus)
                .build();
    }

    /** Within four standard deviations of a binomial count: a fair generator fails this about once in 16,000 classes. */
    private static void assertWithinSamplingError(String what, int count, int draws, double probability)
    {
        double expected = draws * probability;
        double sigma = Math.sqrt(draws * probability * (1 - probability));
        assertThat((double) count).as("%s: %d of %d draws, expected %.1f +- %.1f", what, count, draws, expected, 4 * sigma)
                .isBetween(expected - 4 * sigma, expected + 4 * sigma);
    }
}
