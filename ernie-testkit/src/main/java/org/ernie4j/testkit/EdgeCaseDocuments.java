package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Documents that a real corpus contains sooner or later and that a task must survive without throwing: nothing at all,
 * only punctuation, a sentence longer than the model's input, text the vocabulary does not know, a single word longer
 * than the input, a list of one-word lines, and the same sentence over and over.
 */
public final class EdgeCaseDocuments
{
    private EdgeCaseDocuments()
    {
    }

    /** All edge cases, for a vocabulary and a maximum input length. */
    public static List<Document> all(Vocabulary vocabulary, int maxSequenceLength)
    {
        return List.of(
                empty(),
                emptySentence(),
                punctuationOnly(vocabulary),
                singleWord(vocabulary),
                longSentence(vocabulary, maxSequenceLength),
                unknownScripts(vocabulary),
                longWord(vocabulary, maxSequenceLength),
                oneWordLines(vocabulary),
                repeatedSentence(vocabulary));
    }

    /** A document without sentences. */
    public static Document empty()
    {
        return new Document("edge-empty", null, List.of());
    }

    /** A document whose only sentence has no tokens (a sentence splitter's leftover). */
    public static Document emptySentence()
    {
        return new Document("edge-empty-sentence", null, List.of(new Sentence("", 0, List.of(), List.of(), List.of())));
    }

    /** A sentence of punctuation only: no letters, no digits. */
    public static Document punctuationOnly(Vocabulary vocabulary)
    {
        return TestingDocumentBuilder.document("edge-punctuation", vocabulary)
                .sentence("... ! ? , ; -- ( ) .")
                .chunk(5, 8, "NP")
                .build();
    }

    /** A single one-word sentence. */
    public static Document singleWord(Vocabulary vocabulary)
    {
        String word = plainWords(vocabulary, 1).get(0);
        return TestingDocumentBuilder.document("edge-single-word", vocabulary).sentence(word).build();
    }

    /**
     * One sentence of words the vocabulary knows, with phrases and entities, longer than {@code maxSequenceLength}
     * pieces, so that a task has to cut it.
     */
    public static Document longSentence(Vocabulary vocabulary, int maxSequenceLength)
    {
        List<String> plain = plainWords(vocabulary, 50);
        int count = maxSequenceLength + 20;
        List<Token> tokens = new ArrayList<>(count);
        List<Span> chunks = new ArrayList<>();
        List<Span> entities = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            // Every eleventh word starts a phrase of three whose last two words are an entity, as in "the United States".
            boolean entity = i % 11 == 3 || i % 11 == 4;
            String piece = plain.get(i % plain.size());
            String surface = entity ? capitalize(piece) : piece;
            if (i > 0) {
                text.append(' ');
            }
            tokens.add(new Token(surface, text.length(), entity ? "NNP" : "NN", new int[] {vocabulary.id(piece)}));
            text.append(surface);
            if (i % 11 == 2 && i + 3 <= count) {
                chunks.add(new Span(i, i + 3, "NP"));
                entities.add(new Span(i + 1, i + 3, "PROPER"));
            }
            else if (i % 11 == 7 && i + 3 <= count) {
                chunks.add(new Span(i, i + 3, "VP"));
            }
        }
        Sentence sentence = new Sentence(text.toString(), 0, tokens, chunks, entities);
        return new Document("edge-long-sentence", null, List.of(sentence));
    }

    /**
     * Greek and Chinese text whose every piece is {@code [UNK]}, as with a vocabulary that has no such pieces, including a
     * Greek entity and a phrase.
     */
    public static Document unknownScripts(Vocabulary vocabulary)
    {
        String[] words = {"Η", "Αθήνα", "είναι", "πόλη", ".", "北京", "是", "中国", "的", "首都", "。"};
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            if (text.length() > 0) {
                text.append(' ');
            }
            tokens.add(new Token(word, text.length(), "NN", new int[] {vocabulary.unkId()}));
            text.append(word);
        }
        List<Span> chunks = List.of(new Span(0, 2, "NP"), new Span(5, 6, "NP"), new Span(7, 10, "NP"));
        List<Span> entities = List.of(new Span(1, 2, "PROPER"), new Span(5, 6, "PROPER"), new Span(7, 8, "PROPER"));
        return new Document("edge-unknown-scripts", null, List.of(new Sentence(text.toString(), 0, tokens, chunks, entities)));
    }

    /**
     * A sentence whose middle word has more pieces than {@code maxSequenceLength} (a URL or a chemical name cut into
     * pieces), between two ordinary words: a task that assumes every word fits into an empty input fails here.
     */
    public static Document longWord(Vocabulary vocabulary, int maxSequenceLength)
    {
        List<String> plain = plainWords(vocabulary, 2);
        String before = plain.get(0);
        String after = plain.get(plain.size() - 1);
        int[] pieces = new int[maxSequenceLength + 10];
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            String piece = plain.get(i % plain.size());
            pieces[i] = vocabulary.id(piece);
            word.append(piece);
        }
        String text = before + " " + word + " " + after;
        List<Token> tokens = List.of(
                new Token(before, 0, "NN", new int[] {vocabulary.id(before)}),
                new Token(word.toString(), before.length() + 1, "NN", pieces),
                new Token(after, before.length() + word.length() + 2, "NN", new int[] {vocabulary.id(after)}));
        return new Document("edge-long-word", null, List.of(new Sentence(text, 0, tokens, List.of(), List.of())));
    }

    /** Forty one-word sentences, as a list or a table of contents gives them. */
    public static Document oneWordLines(Vocabulary vocabulary)
    {
        List<String> plain = plainWords(vocabulary, 40);
        TestingDocumentBuilder builder = TestingDocumentBuilder.document("edge-one-word-lines", vocabulary).title(capitalize(plain.get(0)));
        for (int i = 0; i < 40; i++) {
            String word = plain.get(i % plain.size());
            builder.sentence(i % 3 == 0 ? capitalize(word) : word);
        }
        return builder.build();
    }

    /** The same short sentence five times, as boilerplate repeats in scraped text: every word occurs in every sentence. */
    public static Document repeatedSentence(Vocabulary vocabulary)
    {
        List<String> plain = plainWords(vocabulary, 4);
        String words = capitalize(plain.get(0)) + " " + String.join(" ", plain.subList(1, plain.size())) + " .";
        TestingDocumentBuilder builder = TestingDocumentBuilder.document("edge-repeated-sentence", vocabulary);
        for (int i = 0; i < 5; i++) {
            builder.sentence(words).chunk(0, 2, "NP").entity(0, 1, "PROPER");
        }
        return builder.build();
    }

    /** Up to {@code limit} whole-word pieces of letters only, in id order; {@code [UNK]} when the vocabulary has none. */
    private static List<String> plainWords(Vocabulary vocabulary, int limit)
    {
        requireNonNull(vocabulary, "vocabulary is null");
        List<String> words = new ArrayList<>();
        for (int id = 0; id < vocabulary.size() && words.size() < limit; id++) {
            String piece = vocabulary.piece(id);
            if (!vocabulary.isSpecial(id) && !piece.isEmpty() && piece.chars().allMatch(Character::isLetter)) {
                words.add(piece);
            }
        }
        if (words.isEmpty()) {
            words.add(vocabulary.piece(vocabulary.unkId()));
        }
        return words;
    }

    private static String capitalize(String piece)
    {
        return piece.substring(0, 1).toUpperCase(Locale.ROOT) + piece.substring(1);
    }
}
