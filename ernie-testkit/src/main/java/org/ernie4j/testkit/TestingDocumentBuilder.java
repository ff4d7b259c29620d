package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Builds small documents in tests without writing annotated text: each sentence is given as its words separated by single
 * spaces, and chunks and entities as token ranges of the sentence added last.
 *
 * <pre>{@code
 * Document document = TestingDocumentBuilder.document("d1", vocabulary)
 *         .sentence("I visited the United States .")
 *         .chunk(2, 5, "NP")
 *         .entity(3, 5, "PROPER")
 *         .build();
 * }</pre>
 *
 * <p>Sentences are joined by one space in the document text, so offsets are consistent. Word pieces come from
 * {@link Vocabulary#encode(String)} ({@code [UNK]} when that gives none). Part-of-speech tags are a rough guess that is
 * enough for tests: {@code NNP} for a capitalized word, {@code CD} for a number, {@code .} for punctuation, {@code NN}
 * otherwise.
 */
public final class TestingDocumentBuilder
{
    private final String id;
    private final Vocabulary vocabulary;
    private final List<Sentence> sentences = new ArrayList<>();
    private String title;
    private int nextOffset;

    private String text;
    private int start;
    private List<Token> tokens;
    private List<Span> chunks;
    private List<Span> entities;

    private TestingDocumentBuilder(String id, Vocabulary vocabulary)
    {
        this.id = requireNonNull(id, "id is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    public static TestingDocumentBuilder document(String id, Vocabulary vocabulary)
    {
        return new TestingDocumentBuilder(id, vocabulary);
    }

    public TestingDocumentBuilder title(String title)
    {
        this.title = requireNonNull(title, "title is null");
        return this;
    }

    /** Adds a sentence of words separated by single spaces; an empty string adds a sentence without tokens. */
    public TestingDocumentBuilder sentence(String words)
    {
        requireNonNull(words, "words is null");
        closeSentence();
        text = words;
        start = nextOffset;
        tokens = new ArrayList<>();
        chunks = new ArrayList<>();
        entities = new ArrayList<>();
        int offset = start;
        for (String surface : words.isEmpty() ? new String[0] : words.split(" ", -1)) {
            if (surface.isEmpty()) {
                throw new IllegalArgumentException("words must be separated by single spaces: '" + words + "'");
            }
            tokens.add(new Token(surface, offset, pos(surface), pieces(surface)));
            offset += surface.length() + 1;
        }
        nextOffset = start + words.length() + 1;
        return this;
    }

    /** Adds a chunk (phrase) over tokens {@code [start, end)} of the last sentence. */
    public TestingDocumentBuilder chunk(int start, int end, String label)
    {
        current().chunks.add(new Span(start, end, label));
        return this;
    }

    /** Adds an entity over tokens {@code [start, end)} of the last sentence. */
    public TestingDocumentBuilder entity(int start, int end, String label)
    {
        current().entities.add(new Span(start, end, label));
        return this;
    }

    public Document build()
    {
        closeSentence();
        return new Document(id, title, sentences);
    }

    private TestingDocumentBuilder current()
    {
        if (tokens == null) {
            throw new IllegalStateException("add a sentence before its chunks and entities");
        }
        return this;
    }

    private void closeSentence()
    {
        if (tokens != null) {
            sentences.add(new Sentence(text, start, tokens, chunks, entities));
            tokens = null;
        }
    }

    private int[] pieces(String surface)
    {
        int[] ids = vocabulary.encode(surface);
        return ids.length == 0 ? new int[] {vocabulary.unkId()} : ids;
    }

    private static String pos(String surface)
    {
        int first = surface.codePointAt(0);
        if (surface.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return ".";
        }
        if (Character.isUpperCase(first)) {
            return "NNP";
        }
        return Character.isDigit(first) ? "CD" : "NN";
    }
}
