package org.ernie4j.tasks.word;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingTaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token-document relation on real text: three whole State of the Union addresses ({@link Addresses}) and the shared
 * annotated fixture, checked from the outside by reading each example back against its segment.
 */
class TestTokenDocumentRelationOnRealText
{
    private static final int MAX_LENGTH = 128;
    private static final Set<String> STOP_WORDS = Set.copyOf(StopWords.english());

    @Test
    void relatesASensibleShareOfWordsToOtherSegments()
    {
        double share = share(Addresses.documents(), Map.of(), MAX_LENGTH);
        // Key words recur and one-off words do not: neither label is rare. Measured 0.455 when written.
        assertThat(share).as("share of positive token-document labels at length %d, stop words ignored: %.3f", MAX_LENGTH, share)
                .isBetween(0.25, 0.70);
        for (Document document : Addresses.documents()) {
            double single = share(List.of(document), Map.of(), MAX_LENGTH);
            assertThat(single).as("share of positive labels in %s: %.3f", document.id(), single).isBetween(0.15, 0.80);
        }
        double withStopWords = share(Addresses.documents(), Map.of("ignore-stop-words", false), MAX_LENGTH);
        assertThat(withStopWords).as("share with stop words labelled: %.3f", withStopWords).isGreaterThan(share + 0.1);
    }

    @Test
    void findsMoreWordsElsewhereWhenSegmentsAreShorter()
    {
        double shortSegments = share(Addresses.documents(), Map.of(), 64);
        double longSegments = share(Addresses.documents(), Map.of(), 512);
        assertThat(shortSegments).as("share at 64 (%.3f) against 512 (%.3f)", shortSegments, longSegments).isGreaterThan(longSegments);
    }

    @Test
    void labelsTheFrequentTopicWordsOfADocumentPositive()
    {
        for (Document document : Addresses.documents()) {
            Map<String, Integer> counts = typeCounts(document);
            List<String> topics = counts.entrySet().stream()
                    .filter(entry -> !STOP_WORDS.contains(entry.getKey()) && entry.getKey().codePoints().anyMatch(Character::isLetter))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(10)
                    .map(Map.Entry::getKey)
                    .toList();
            int labelled = 0;
            int positive = 0;
            for (LabelledWindow segment : segments(document, Addresses.vocabulary(), Map.of(), MAX_LENGTH)) {
                for (int token = 0; token < segment.tokenCount(); token++) {
                    if (topics.contains(type(segment.token(token).surface()))) {
                        labelled++;
                        positive += segment.label(token);
                    }
                }
            }
            assertThat((double) positive / labelled).as("positive share of the topic words %s of %s", topics, document.id()).isGreaterThan(0.95);
        }
    }

    @Test
    void neverLabelsAOneOffWordPositive()
    {
        for (Document document : Addresses.documents()) {
            Map<String, Integer> counts = typeCounts(document);
            int oneOffs = 0;
            for (LabelledWindow segment : segments(document, Addresses.vocabulary(), Map.of(), MAX_LENGTH)) {
                for (int token = 0; token < segment.tokenCount(); token++) {
                    String surface = segment.token(token).surface();
                    if (counts.get(type(surface)) == 1 && !STOP_WORDS.contains(type(surface)) && surface.codePoints().anyMatch(Character::isLetterOrDigit)) {
                        oneOffs++;
                        assertThat(segment.label(token)).as("label of the one-off word '%s' in %s", surface, document.id()).isZero();
                    }
                }
            }
            assertThat(oneOffs).as("one-off words of %s", document.id()).isGreaterThan(50);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 64, 128})
    void agreesWithTheDefinitionWordByWord(int maxSequenceLength)
    {
        checkDefinition(Addresses.documents(), Addresses.vocabulary(), maxSequenceLength);
        checkDefinition(Fixtures.sotu(), Fixtures.vocabulary(), maxSequenceLength);
    }

    /**
     * Checks every label against the task's definition, found the slow way: the word is positive exactly when a different
     * segment holds a word of the same type.
     */
    private static void checkDefinition(List<Document> documents, Vocabulary vocabulary, int maxSequenceLength)
    {
        for (Document document : documents) {
            List<Set<String>> windowTypes = LabelledWindow.windows(document, maxSequenceLength).stream()
                    .map(window -> IntStream.range(0, window.tokenCount())
                            .mapToObj(window::token)
                            .filter(token -> !Words.hasSpecialPiece(token, vocabulary))
                            .map(token -> type(token.surface()))
                            .collect(Collectors.toSet()))
                    .toList();
            for (LabelledWindow segment : segments(document, vocabulary, Map.of(), maxSequenceLength)) {
                assertThat(segment.onlyFirstPiecesLabelled()).as("labels beyond first pieces in %s", segment.example()).isTrue();
                for (int token = 0; token < segment.tokenCount(); token++) {
                    String surface = segment.token(token).surface();
                    String type = type(surface);
                    if (STOP_WORDS.contains(type) || surface.codePoints().noneMatch(Character::isLetterOrDigit)
                            || Words.hasSpecialPiece(segment.token(token), vocabulary)) {
                        assertThat(segment.label(token)).as("label of '%s'", surface).isEqualTo(TokenLabels.IGNORED);
                        continue;
                    }
                    int own = segment.windowIndex();
                    boolean elsewhere = IntStream.range(0, windowTypes.size()).anyMatch(other -> other != own && windowTypes.get(other).contains(type));
                    assertThat(segment.label(token)).as("label of '%s' in %s", surface, segment.example()).isEqualTo(elsewhere ? 1 : 0);
                }
            }
        }
    }

    @Test
    void givesTheModelNoTraceOfTheLabel()
    {
        for (Document document : Addresses.documents()) {
            List<Example> examples = generate(document, Addresses.vocabulary(), Map.of(), MAX_LENGTH);
            // Every input is its segment's own pieces, nothing of the other segments (pairing checks equality).
            assertThat(LabelledWindow.pair(document, examples, MAX_LENGTH, Addresses.vocabulary())).hasSameSizeAs(examples);
            assertThat(examples).allSatisfy(example -> assertThat(example.segmentIds()).containsOnly(0));
            // Types are uncased, so the lower-cased text gives the very same examples.
            assertThat(generate(TestCapitalizationOnRealText.lowerCased(document), Addresses.vocabulary(), Map.of(), MAX_LENGTH)).isEqualTo(examples);
        }
    }

    private static double share(List<Document> documents, Map<String, ?> settings, int maxSequenceLength)
    {
        long labelled = 0;
        long positive = 0;
        for (Document document : documents) {
            for (Example example : generate(document, Addresses.vocabulary(), settings, maxSequenceLength)) {
                TokenLabels labels = (TokenLabels) example.target();
                labelled += labels.labelledCount();
                for (int position = 0; position < labels.length(); position++) {
                    positive += labels.label(position) == 1 ? 1 : 0;
                }
            }
        }
        return (double) positive / labelled;
    }

    private static Map<String, Integer> typeCounts(Document document)
    {
        Map<String, Integer> counts = new HashMap<>();
        document.sentences().stream()
                .flatMap(sentence -> sentence.tokens().stream())
                .forEach(token -> counts.merge(type(token.surface()), 1, Integer::sum));
        return counts;
    }

    /** A word's type, written here again rather than taken from the task: NFKC, lower case, plain apostrophes. */
    private static String type(String surface)
    {
        return Normalizer.normalize(surface, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u02BC', '\'');
    }

    private static List<LabelledWindow> segments(Document document, Vocabulary vocabulary, Map<String, ?> settings, int maxSequenceLength)
    {
        return LabelledWindow.pair(document, generate(document, vocabulary, settings, maxSequenceLength), maxSequenceLength, vocabulary);
    }

    private static List<Example> generate(Document document, Vocabulary vocabulary, Map<String, ?> settings, int maxSequenceLength)
    {
        TestingTaskContext context = TestingTaskContext.builder(vocabulary)
                .taskName(TokenDocumentRelationTask.NAME)
                .settings(settings)
                .maxSequenceLength(maxSequenceLength)
                .build();
        return new TokenDocumentRelationTask().labels(context).generate(document, new SplittableRandom(1));
    }
}
