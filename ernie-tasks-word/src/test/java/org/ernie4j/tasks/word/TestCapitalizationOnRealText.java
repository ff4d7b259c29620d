package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingTaskContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capitalization on real text: three whole State of the Union addresses ({@link Addresses}) and the shared annotated
 * fixture, checked from the outside by reading each example back against its window.
 */
class TestCapitalizationOnRealText
{
    private static final int MAX_LENGTH = 128;

    // The first letter of a word, found without the task's code: a regular expression over Unicode categories.
    private static final Pattern FIRST_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern CAPITAL = Pattern.compile("[\\p{Lu}\\p{Lt}]");
    private static final Pattern CASED = Pattern.compile("[\\p{Lu}\\p{Lt}\\p{IsLowercase}]");

    @Test
    void capitalizesASensibleShareOfWords()
    {
        Counts counts = count(Addresses.documents(), Addresses.vocabulary(), Map.of());
        // Names, titles and institutions: a minority of words, about one in twenty in these addresses (0.055 when written),
        // more in Hoover's, whose tables have headings in capitals.
        assertThat(counts.share())
                .as("share of positive capitalization labels, sentence-initial words ignored: %.3f of %d labelled words", counts.share(), counts.labelled)
                .isBetween(0.03, 0.20);
        for (Document document : Addresses.documents()) {
            Counts single = count(List.of(document), Addresses.vocabulary(), Map.of());
            assertThat(single.share()).as("share of positive labels in %s: %.3f", document.id(), single.share()).isBetween(0.02, 0.30);
        }
    }

    @Test
    void labelsSentenceInitialWordsCapitalizedWhenAsked()
    {
        Counts ignoring = count(Addresses.documents(), Addresses.vocabulary(), Map.of());
        Counts every = count(Addresses.documents(), Addresses.vocabulary(), Map.of("ignore-sentence-initial", false));
        int sentences = Addresses.documents().stream().mapToInt(document -> document.sentences().size()).sum();
        int added = every.labelled - ignoring.labelled;
        int addedCapitals = every.positives - ignoring.positives;
        assertThat(added).as("sentence-initial words").isBetween(sentences * 8 / 10, sentences);
        // Edited prose begins its sentences with a capital; the few exceptions are the splitter's.
        assertThat((double) addedCapitals / added).as("capitalized share of sentence-initial words, %d of %d", addedCapitals, added).isGreaterThan(0.95);
        assertThat(every.share()).as("share of positive labels with sentence-initial words: %.3f", every.share()).isGreaterThan(ignoring.share());
    }

    @Test
    void labelsAgreeWithTheWrittenWords()
    {
        checkAgainstSurfaces(Addresses.documents(), Addresses.vocabulary());
        checkAgainstSurfaces(Fixtures.sotu(), Fixtures.vocabulary());
    }

    private static void checkAgainstSurfaces(List<Document> documents, Vocabulary vocabulary)
    {
        Map<String, ?> settings = Map.of("ignore-sentence-initial", false);
        for (Document document : documents) {
            for (LabelledWindow window : LabelledWindow.pair(document, generate(document, vocabulary, settings), MAX_LENGTH, vocabulary)) {
                assertThat(window.onlyFirstPiecesLabelled()).as("labels beyond first pieces in %s", window.example()).isTrue();
                for (int token = 0; token < window.tokenCount(); token++) {
                    String surface = window.token(token).surface();
                    Matcher letter = FIRST_LETTER.matcher(surface);
                    if (!letter.find()) {
                        assertThat(window.label(token)).as("label of '%s'", surface).isEqualTo(TokenLabels.IGNORED);
                        continue;
                    }
                    boolean capital = CAPITAL.matcher(letter.group()).matches();
                    // Ignored only for what the task leaves out on purpose: caseless letters and unknown pieces.
                    assertThat(window.label(token)).as("label of '%s'", surface).isIn(capital ? 1 : 0, TokenLabels.IGNORED);
                    if (Words.hasSpecialPiece(window.token(token), vocabulary) || !CASED.matcher(letter.group()).matches()) {
                        assertThat(window.label(token)).as("label of '%s'", surface).isEqualTo(TokenLabels.IGNORED);
                    }
                    else {
                        assertThat(window.label(token)).as("label of '%s'", surface).isEqualTo(capital ? 1 : 0);
                    }
                }
            }
        }
    }

    @Test
    void givesTheModelNoTraceOfTheLabel()
    {
        int positives = 0;
        for (Document document : Addresses.documents()) {
            List<Example> cased = generate(document, Addresses.vocabulary(), Map.of());
            List<Example> lower = generate(lowerCased(document), Addresses.vocabulary(), Map.of());
            // The same input for "United States" and "united states": the input depends on the uncased text alone.
            assertThat(lower).hasSameSizeAs(cased);
            for (int i = 0; i < cased.size(); i++) {
                assertThat(cased.get(i).inputIds()).isEqualTo(lower.get(i).inputIds());
                assertThat(cased.get(i).segmentIds()).isEqualTo(lower.get(i).segmentIds());
                int[] labels = ((TokenLabels) cased.get(i).target()).labels();
                int[] lowerLabels = ((TokenLabels) lower.get(i).target()).labels();
                for (int position = 0; position < labels.length; position++) {
                    positives += labels[position] == 1 ? 1 : 0;
                    assertThat(lowerLabels[position]).isIn(0, TokenLabels.IGNORED);
                }
            }
            // Every input is the window's own pieces, nothing added.
            assertThat(LabelledWindow.pair(document, cased, MAX_LENGTH, Addresses.vocabulary())).hasSameSizeAs(cased);
        }
        assertThat(positives).isPositive();
    }

    private record Counts(int labelled, int positives)
    {
        double share()
        {
            return (double) positives / labelled;
        }
    }

    private static Counts count(List<Document> documents, Vocabulary vocabulary, Map<String, ?> settings)
    {
        int labelled = 0;
        int positives = 0;
        for (Document document : documents) {
            for (Example example : generate(document, vocabulary, settings)) {
                TokenLabels labels = (TokenLabels) example.target();
                labelled += labels.labelledCount();
                for (int position = 0; position < labels.length(); position++) {
                    positives += labels.label(position) == 1 ? 1 : 0;
                }
            }
        }
        return new Counts(labelled, positives);
    }

    private static List<Example> generate(Document document, Vocabulary vocabulary, Map<String, ?> settings)
    {
        TestingTaskContext context = TestingTaskContext.builder(vocabulary)
                .taskName(CapitalizationTask.NAME)
                .settings(settings)
                .maxSequenceLength(MAX_LENGTH)
                .build();
        return new CapitalizationTask().labels(context).generate(document, new SplittableRandom(1));
    }

    /** The document with every word written in lower case, and the same pieces. */
    static Document lowerCased(Document document)
    {
        List<Sentence> sentences = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            List<Token> tokens = sentence.tokens().stream()
                    .map(token -> new Token(token.surface().toLowerCase(Locale.ROOT), token.start(), token.pos(), token.pieceIds()))
                    .toList();
            sentences.add(new Sentence(sentence.text().toLowerCase(Locale.ROOT), sentence.start(), tokens, sentence.chunks(), sentence.entities()));
        }
        return new Document(document.id(), document.title().orElse(null), sentences);
    }
}
