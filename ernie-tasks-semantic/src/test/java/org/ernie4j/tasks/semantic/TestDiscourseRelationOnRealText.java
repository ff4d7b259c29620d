package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingTaskContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discourse relation on seven real State of the Union addresses: the three of the annotated fixture (OpenNLP tokens) and
 * four split by {@link RawText}, checked from the outside by finding every example's sentences in the documents again.
 */
class TestDiscourseRelationOnRealText
{
    private static final List<Document> DOCUMENTS = Addresses.withFixture();
    private static final DiscourseMarkers MARKERS = DiscourseMarkers.english();
    private static final Map<String, Object> OPENING_ONLY = Map.of("in-sentence", false);
    // Long enough that no sentence of these addresses is cut or skipped, so that each is found whole.
    private static final int MAX_SEQUENCE_LENGTH = 512;

    @Test
    void classCountsOfRealAddressesAreDominatedByContrastButNotMadeOfItAlone()
    {
        RelationCounts counts = DiscourseRelationTask.classCounts(Fixtures.settings(DiscourseRelationTask.NAME, OPENING_ONLY), DOCUMENTS);
        long sentencePairs = DOCUMENTS.stream().mapToLong(document -> document.sentences().size() - 1).sum();
        assertThat(counts.pairs()).isEqualTo(sentencePairs);
        assertThat(counts.total()).as("%s", counts).isGreaterThanOrEqualTo(40);
        assertThat(counts.counts().values().stream().filter(count -> count > 0).count()).as("%s", counts).isGreaterThanOrEqualTo(5);
        assertThat(counts.share("contrast")).as("%s", counts).isBetween(0.4, 0.7);
        assertThat(counts.counts().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo("contrast");
        assertThat(counts.count("result")).isPositive();
        assertThat(counts.count("addition")).isPositive();
        assertThat(counts.insideTotal()).isZero();
    }

    @Test
    void markersInsideSentencesAddPairsToMostClassesOfTheSameAddresses()
    {
        RelationCounts opening = DiscourseRelationTask.classCounts(Fixtures.settings(DiscourseRelationTask.NAME, OPENING_ONLY), DOCUMENTS);
        RelationCounts all = DiscourseRelationTask.classCounts(Fixtures.settings(DiscourseRelationTask.NAME, Map.of()), DOCUMENTS);
        assertThat(all.pairs()).isEqualTo(opening.pairs());
        for (String relation : MARKERS.classes()) {
            assertThat(all.opening(relation)).isEqualTo(opening.count(relation));
        }
        // A quarter as many pairs again (24 on 65 when this was written), and not only contrast.
        assertThat(all.insideTotal()).as("%s", all).isGreaterThanOrEqualTo(opening.total() / 4);
        assertThat(all.insideTotal() - all.inside("contrast")).as("%s", all).isPositive();
    }

    @Test
    void everyExampleFromInsideASentenceIsTwoClausesOfItAroundAMarkerOfItsClass()
    {
        List<Example> examples = generate(Map.of("max-class-share", 1), 1);
        List<Example> opening = generate(Map.of("max-class-share", 1, "in-sentence", false), 1);
        assertThat(examples).containsAll(opening);
        List<Example> inside = new ArrayList<>(examples);
        inside.removeAll(opening);
        assertThat(inside).hasSize((int) DiscourseRelationTask.classCounts(Fixtures.settings(DiscourseRelationTask.NAME, Map.of()), DOCUMENTS).insideTotal());
        for (Example example : inside) {
            int separator = indexOf(example.inputIds(), Addresses.vocabulary().sepId());
            List<Integer> first = boxed(Arrays.copyOfRange(example.inputIds(), 1, separator));
            List<Integer> second = boxed(Arrays.copyOfRange(example.inputIds(), separator + 1, example.length() - 1));
            String relation = MARKERS.classes().get(((SequenceLabel) example.target()).label());
            // Somewhere in one sentence: the first side, a comma or semicolon, a marker of the class (and its comma), the second side.
            assertThat(DOCUMENTS.stream().flatMap(document -> document.sentences().stream()).anyMatch(sentence -> joins(sentence, first, second, relation)))
                    .as("%s of class %s", example, relation).isTrue();
        }
    }

    /** Whether the sentence holds {@code first}, a comma or semicolon, a marker of the relation and {@code second}, in a row. */
    private static boolean joins(Sentence sentence, List<Integer> first, List<Integer> second, String relation)
    {
        int tokens = sentence.tokens().size();
        for (int start = 0; start < tokens; start++) {
            for (int end = start + 1; end < tokens; end++) {
                String punctuation = sentence.tokens().get(end).surface();
                if ((punctuation.equals(",") || punctuation.equals(";")) && boxed(Pieces.of(sentence, start, wordsEnd(sentence, start, end))).equals(first)) {
                    Optional<MarkerMatch> match = MARKERS.matchAt(sentence, end + 1);
                    if (match.isPresent() && MARKERS.classes().get(match.get().relation()).equals(relation)
                            && Collections.indexOfSubList(boxed(Pieces.of(sentence, match.get().end())), second) == 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void everyExampleIsAPairOfAdjacentSentencesWithTheMarkerOfItsClassRemoved()
    {
        Map<List<Integer>, Place> places = places(DOCUMENTS);
        List<Example> examples = generate(Map.of("max-class-share", 1, "in-sentence", false), 1);
        assertThat(examples).hasSize((int) DiscourseRelationTask.classCounts(Fixtures.settings(DiscourseRelationTask.NAME, OPENING_ONLY), DOCUMENTS).total());
        for (Example example : examples) {
            int separator = indexOf(example.inputIds(), Addresses.vocabulary().sepId());
            List<Integer> first = boxed(Arrays.copyOfRange(example.inputIds(), 1, separator));
            List<Integer> second = boxed(Arrays.copyOfRange(example.inputIds(), separator + 1, example.length() - 1));
            Place place = places.get(first);
            assertThat(place).as("first sentence of %s", example).isNotNull();
            Sentence next = place.document().sentences().get(place.sentence() + 1);
            int removed = tokensBefore(next, second);
            assertThat(removed).as("second segment of %s is the end of '%s'", example, next).isPositive();

            List<String> removedWords = next.tokens().subList(0, removed).stream().map(token -> token.surface().toLowerCase(Locale.ROOT)).toList();
            String relation = MARKERS.classes().get(((SequenceLabel) example.target()).label());
            // What was removed is a marker of the labelled class, written as the table writes it, and a comma after it, if any.
            boolean comma = removedWords.get(removedWords.size() - 1).equals(",");
            String marker = String.join("", removedWords.subList(0, removedWords.size() - (comma ? 1 : 0))).replace("’", "'");
            assertThat(MARKERS.markersByClass().get(relation).stream().map(written -> written.replace(" ", "").replace(",", "")))
                    .as("'%s' removed from '%s'", removedWords, next).contains(marker);
            assertThat(next.tokens().get(removed).surface()).as("nothing but the marker and one comma is removed from '%s'", next).isNotEqualTo(",");
        }
    }

    @Test
    void everySentenceThatOpensWithButGivesAContrastExample()
    {
        int opensWithBut = 0;
        for (Document document : DOCUMENTS) {
            for (Sentence sentence : document.sentences().subList(1, document.sentences().size())) {
                opensWithBut += sentence.tokens().get(0).surface().equalsIgnoreCase("but") ? 1 : 0;
            }
        }
        long contrast = generate(Map.of("max-class-share", 1, "in-sentence", false), 1).stream().filter(example -> example.target().equals(new SequenceLabel(0))).count();
        // 'but' is the only contrast marker that needs no comma; 'however,' and the rest add a few.
        assertThat(contrast).isGreaterThanOrEqualTo(opensWithBut);
        assertThat(opensWithBut).isGreaterThan(20);
    }

    @Test
    void theDefaultShareHoldsContrastToAQuarterOfTheExamples()
    {
        TestingTaskContext context = context(Map.of(), DOCUMENTS);
        LabelGenerator labels = new DiscourseRelationTask().labels(context);
        int[] counts = new int[MARKERS.classes().size()];
        int total = 0;
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Document document : DOCUMENTS) {
                for (Example example : labels.generate(document, random)) {
                    counts[((SequenceLabel) example.target()).label()]++;
                    total++;
                }
            }
        }
        for (int i = 0; i < counts.length; i++) {
            assertThat((double) counts[i] / total).as("share of %s: %s", MARKERS.classes().get(i), Arrays.toString(counts)).isLessThan(0.3);
        }
        assertThat((double) counts[0] / total).isGreaterThan(0.2);
        assertThat(context.testingReporter().skipCount(DiscourseRelationGenerator.thinnedReason("contrast"))).isPositive();
        assertThat(context.testingReporter().warnings()).singleElement().asString().contains("keeps contrast");
    }

    private record Place(Document document, int sentence)
    {
    }

    /** Where each sentence that has a next one is, by its pieces. */
    private static Map<List<Integer>, Place> places(List<Document> documents)
    {
        Map<List<Integer>, Place> places = new HashMap<>();
        for (Document document : documents) {
            for (int i = 0; i + 1 < document.sentences().size(); i++) {
                Sentence sentence = document.sentences().get(i);
                places.putIfAbsent(boxed(Pieces.of(sentence, 0, wordsEnd(sentence))), new Place(document, i));
            }
        }
        return places;
    }

    /** The index after the last token of the sentence with a letter or digit: a side leaves out its closing punctuation. */
    private static int wordsEnd(Sentence sentence)
    {
        return wordsEnd(sentence, 0, sentence.tokens().size());
    }

    /** The index after the last token of {@code [start, end)} with a letter or digit. */
    private static int wordsEnd(Sentence sentence, int start, int end)
    {
        int last = end;
        while (last > start && DiscoursePair.words(sentence, last - 1, last) == 0) {
            last--;
        }
        return last;
    }

    /** The number of leading tokens after which the sentence's pieces, closing punctuation left out, are exactly {@code pieces}, or -1. */
    private static int tokensBefore(Sentence sentence, List<Integer> pieces)
    {
        for (int start = 0; start < sentence.tokens().size(); start++) {
            if (boxed(Pieces.of(sentence, start, wordsEnd(sentence))).equals(pieces)) {
                return start;
            }
        }
        return -1;
    }

    private static List<Example> generate(Map<String, ?> settings, int seed)
    {
        LabelGenerator labels = new DiscourseRelationTask().labels(context(settings, DOCUMENTS));
        List<Example> examples = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        DOCUMENTS.forEach(document -> examples.addAll(labels.generate(document, random)));
        return examples;
    }

    private static int indexOf(int[] ids, int id)
    {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private static List<Integer> boxed(int[] ids)
    {
        return Arrays.stream(ids).boxed().toList();
    }

    private static TestingTaskContext context(Map<String, ?> settings, List<Document> corpus)
    {
        return TestingTaskContext.builder(Addresses.vocabulary())
                .taskName(DiscourseRelationTask.NAME)
                .settings(settings)
                .maxSequenceLength(MAX_SEQUENCE_LENGTH)
                .corpus(corpus)
                .build();
    }
}
