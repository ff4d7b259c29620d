package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.tasks.semantic.TestIrRelevanceTask.context;
import static org.ernie4j.tasks.semantic.TestIrRelevanceTask.segment;

/**
 * IR relevance's document-titles fallback on the annotated fixture, whose documents have no title of their own (so the
 * first sentence stands in) and OpenNLP noun-phrase chunks.
 */
class TestIrRelevanceFallback
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final Map<String, Object> FALLBACK = Map.of("fallback", "document-titles");
    private static final int MAX_SEQUENCE_LENGTH = 512;

    @Test
    void saysOnceThatItIsAStandInAndNotSearchLogData()
    {
        TestingTaskContext context = context(FALLBACK, MAX_SEQUENCE_LENGTH, Fixtures.sotu());
        new IrRelevanceTask().labels(context);
        assertThat(context.testingReporter().warnings()).singleElement().asString()
                .contains("weak stand-in").contains("not search-log data").contains("makes no class 1");
    }

    @Test
    void pairsANounPhraseWithItsDocumentsFirstSentenceOrAnotherDocumentsAndNeverMakesClassOne()
    {
        List<Document> documents = Fixtures.sotu();
        LabelGenerator labels = new IrRelevanceTask().labels(context(FALLBACK, MAX_SEQUENCE_LENGTH, documents));
        int[] counts = new int[3];
        Set<List<Integer>> queries = new HashSet<>();
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Document document : documents) {
                for (Example example : labels.generate(document, random)) {
                    List<Integer> query = segment(example, 0);
                    List<Integer> title = segment(example, 1);
                    int label = ((SequenceLabel) example.target()).label();
                    counts[label]++;
                    assertThat(nounPhrasesAfterTheFirstSentence(document)).as("query of %s", example).contains(query);
                    if (label == 0) {
                        assertThat(title).isEqualTo(firstSentence(document));
                    }
                    else {
                        assertThat(documents.stream().filter(other -> other != document).map(TestIrRelevanceFallback::firstSentence))
                                .as("title of %s is another document's first sentence", example).contains(title);
                    }
                    queries.add(query);
                }
            }
        }
        assertThat(counts[1]).isZero();
        assertThat((double) counts[2] / (counts[0] + counts[2])).isBetween(0.25, 0.42);
        assertThat(queries.size()).as("queries are drawn from many phrases").isGreaterThan(100);
    }

    @Test
    void aDocumentsOwnTitleIsTheTitleAndEverySentenceMayGiveTheQuery()
    {
        Document titled = TestingDocumentBuilder.document("titled", VOCABULARY).title("The Public Credit")
                .sentence("The national debt rose .").chunk(0, 3, "NP")
                .build();
        Document other = TestingDocumentBuilder.document("other", VOCABULARY).title("War and Peace").sentence("Peace came .").build();
        LabelGenerator labels = new IrRelevanceTask().labels(context(Map.of("fallback", "document-titles", "random-title-share", 0.5),
                MAX_SEQUENCE_LENGTH, List.of(titled, other)));
        Set<List<Integer>> titles = new HashSet<>();
        for (int seed = 0; seed < 40; seed++) {
            for (Example example : labels.generate(titled, new SplittableRandom(seed))) {
                assertThat(segment(example, 0)).isEqualTo(pieces("The national debt"));
                titles.add(segment(example, 1));
            }
        }
        assertThat(titles).containsExactlyInAnyOrder(pieces("The Public Credit"), pieces("War and Peace"));
    }

    @Test
    void skipsDocumentsWithoutAQueryOrATitle()
    {
        TestingTaskContext context = context(FALLBACK, 64, List.of());
        LabelGenerator labels = new IrRelevanceTask().labels(context);
        SplittableRandom random = new SplittableRandom(1);
        assertThat(labels.generate(EdgeCaseDocuments.empty(), random)).isEmpty();
        assertThat(labels.generate(EdgeCaseDocuments.emptySentence(), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(DocumentTitleGenerator.NO_TEXT)).isEqualTo(2);
        // A single sentence is the title, so no sentence is left for a query.
        assertThat(labels.generate(EdgeCaseDocuments.longSentence(VOCABULARY, 64), random)).isEmpty();
        // With a title of its own, the sentence could give queries, but its noun phrases are all [UNK] pieces.
        Document unknown = EdgeCaseDocuments.unknownScripts(VOCABULARY);
        assertThat(labels.generate(new Document(unknown.id(), "Athens and Beijing", unknown.sentences()), random)).isEmpty();
        assertThat(context.testingReporter().skipCount(DocumentTitleGenerator.NO_QUERY)).isEqualTo(2);
    }

    @Test
    void skipsARandomTitleWhenNoOtherDocumentHasOne()
    {
        Document document = Fixtures.sotu().get(0);
        TestingTaskContext context = context(Map.of("fallback", "document-titles", "random-title-share", 1, "pairs-per-document", 3),
                MAX_SEQUENCE_LENGTH, List.of(document, EdgeCaseDocuments.empty()));
        assertThat(new IrRelevanceTask().labels(context).generate(document, new SplittableRandom(1))).isEmpty();
        assertThat(context.testingReporter().skipCount(DocumentTitleGenerator.NO_OTHER_TITLE)).isEqualTo(3);
    }

    private static Set<List<Integer>> nounPhrasesAfterTheFirstSentence(Document document)
    {
        Set<List<Integer>> phrases = new HashSet<>();
        for (Sentence sentence : document.sentences().subList(1, document.sentences().size())) {
            for (Span chunk : sentence.chunks()) {
                if (chunk.label().equals("NP") && chunk.length() <= 4) {
                    phrases.add(Arrays.stream(Pieces.of(sentence, chunk.start(), chunk.end())).boxed().toList());
                }
            }
        }
        return phrases;
    }

    private static List<Integer> firstSentence(Document document)
    {
        return Arrays.stream(Pieces.of(document.sentences().get(0), 0)).boxed().toList();
    }

    private static List<Integer> pieces(String words)
    {
        List<Integer> pieces = new ArrayList<>();
        for (String word : words.split(" ")) {
            Arrays.stream(VOCABULARY.encode(word)).forEach(pieces::add);
        }
        return pieces;
    }
}
