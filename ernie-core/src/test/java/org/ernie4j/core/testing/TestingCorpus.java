package org.ernie4j.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;

/**
 * Real text cut into small documents with a naive tokenizer, for trainer tests that must not depend on the annotation
 * pipeline. Capitalised words that do not start a sentence are tagged NNP and their runs become entity spans.
 */
public final class TestingCorpus
        implements DocumentSource
{
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private final List<Document> documents;
    private final WordVocabulary vocabulary;

    private TestingCorpus(List<Document> documents, WordVocabulary vocabulary)
    {
        this.documents = documents;
        this.vocabulary = vocabulary;
    }

    /** The Washington 1790 address cut into documents of {@code sentencesPerDocument} sentences. */
    public static TestingCorpus washington1790(int sentencesPerDocument)
    {
        String text = resource("/training/1790_george_washington_n.txt");
        List<String> sentences = new ArrayList<>();
        for (String sentence : text.split("(?<=[.?!:])\\s+")) {
            if (!sentence.isBlank()) {
                sentences.add(sentence.strip());
            }
        }
        WordVocabulary vocabulary = new WordVocabulary(words(text));
        List<Document> documents = new ArrayList<>();
        for (int start = 0; start < sentences.size(); start += sentencesPerDocument) {
            List<String> part = sentences.subList(start, Math.min(sentences.size(), start + sentencesPerDocument));
            documents.add(document("washington-1790-" + documents.size(), part, vocabulary));
        }
        return new TestingCorpus(List.copyOf(documents), vocabulary);
    }

    public static List<String> words(String text)
    {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static Document document(String id, List<String> sentences, Vocabulary vocabulary)
    {
        List<Sentence> annotated = new ArrayList<>();
        int offset = 0;
        for (String text : sentences) {
            List<Token> tokens = new ArrayList<>();
            List<Span> entities = new ArrayList<>();
            Matcher matcher = WORD.matcher(text);
            int runStart = -1;
            while (matcher.find()) {
                String word = matcher.group();
                boolean proper = !tokens.isEmpty() && Character.isUpperCase(word.charAt(0));
                if (proper && runStart < 0) {
                    runStart = tokens.size();
                }
                if (!proper && runStart >= 0) {
                    entities.add(new Span(runStart, tokens.size(), "PROPER"));
                    runStart = -1;
                }
                tokens.add(new Token(word, offset + matcher.start(), proper ? "NNP" : "NN", new int[] {vocabulary.id(word)}));
            }
            if (runStart >= 0) {
                entities.add(new Span(runStart, tokens.size(), "PROPER"));
            }
            annotated.add(new Sentence(text, offset, tokens, List.of(), entities));
            offset += text.length() + 1;
        }
        return new Document(id, null, annotated);
    }

    private static String resource(String name)
    {
        try (InputStream in = TestingCorpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WordVocabulary vocabulary()
    {
        return vocabulary;
    }

    public List<Document> documents()
    {
        return documents;
    }

    @Override
    public int size()
    {
        return documents.size();
    }

    @Override
    public Document get(int index)
    {
        return documents.get(index);
    }
}
