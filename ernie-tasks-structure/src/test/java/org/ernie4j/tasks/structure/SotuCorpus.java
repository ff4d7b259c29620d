package org.ernie4j.tasks.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.ernie4j.spi.document.Document;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Real text for statistics: three short State of the Union addresses (1790 Washington, 1934 Roosevelt, 1973 Nixon; raw
 * text in {@code src/test/resources/sotu}), split into sentences and words by {@link PlainText}, with a
 * {@link TestingVocabulary} that has a piece for every word. The shared annotated fixture is too small for statistics
 * over thousands of draws, and these tests need no annotations.
 *
 * <p>No sentence occurs twice in the corpus (checked when it is read), so that the pieces of a sentence tell which
 * document, and where in it, the sentence comes from.
 */
final class SotuCorpus
{
    static final List<String> ADDRESSES = List.of("1790_george_washington_n", "1934_franklin_d_roosevelt_d", "1973_richard_nixon_r");

    private final TestingVocabulary vocabulary;
    private final List<List<List<String>>> addresses;

    private SotuCorpus(TestingVocabulary vocabulary, List<List<List<String>>> addresses)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.addresses = requireNonNull(addresses, "addresses is null");
    }

    /** The corpus, read once. */
    static SotuCorpus get()
    {
        return Loaded.CORPUS;
    }

    TestingVocabulary vocabulary()
    {
        return vocabulary;
    }

    /** One document per address. */
    List<Document> addresses()
    {
        List<Document> documents = new ArrayList<>();
        for (int address = 0; address < addresses.size(); address++) {
            documents.add(document(ADDRESSES.get(address), addresses.get(address)));
        }
        return List.copyOf(documents);
    }

    /**
     * Each address cut into documents of consecutive sentences, as many as give each at least {@code sentencesPerDocument}
     * sentences (and fewer than twice that), with ids such as {@code 1790_george_washington_n#2}.
     */
    List<Document> documents(int sentencesPerDocument)
    {
        List<Document> documents = new ArrayList<>();
        for (int address = 0; address < addresses.size(); address++) {
            List<List<String>> sentences = addresses.get(address);
            int parts = Math.max(1, sentences.size() / sentencesPerDocument);
            for (int part = 0; part < parts; part++) {
                List<List<String>> slice = sentences.subList(part * sentences.size() / parts, (part + 1) * sentences.size() / parts);
                documents.add(document(ADDRESSES.get(address) + "#" + part, slice));
            }
        }
        return List.copyOf(documents);
    }

    int sentenceCount()
    {
        return addresses.stream().mapToInt(List::size).sum();
    }

    private Document document(String id, List<List<String>> sentences)
    {
        TestingDocumentBuilder builder = TestingDocumentBuilder.document(id, vocabulary);
        for (List<String> words : sentences) {
            builder.sentence(String.join(" ", words));
        }
        Document document = builder.build();
        // A word without a piece of its own would make [UNK] pieces, and sentences that are equal only as pieces.
        document.sentences().forEach(sentence -> sentence.tokens().forEach(token -> {
            if (token.pieceCount() != 1 || token.pieceId(0) == vocabulary.unkId()) {
                throw new IllegalStateException("word '" + token.surface() + "' of " + id + " is not one piece of the vocabulary");
            }
        }));
        return document;
    }

    private static SotuCorpus read()
    {
        List<List<List<String>>> addresses = new ArrayList<>();
        TreeSet<String> words = new TreeSet<>();
        Map<List<String>, String> seen = new HashMap<>();
        for (String address : ADDRESSES) {
            List<List<String>> sentences = new ArrayList<>();
            for (String sentence : PlainText.sentences(resource("sotu/" + address + ".txt"))) {
                List<String> sentenceWords = List.copyOf(PlainText.words(sentence));
                String previous = seen.putIfAbsent(sentenceWords, address);
                if (previous != null) {
                    throw new IllegalStateException("sentence '" + sentence + "' of " + address + " repeats one of " + previous);
                }
                sentences.add(sentenceWords);
                sentenceWords.forEach(word -> words.add(word.toLowerCase(Locale.ROOT)));
            }
            addresses.add(List.copyOf(sentences));
        }
        List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        pieces.addAll(words);
        return new SotuCorpus(TestingVocabulary.of(pieces), List.copyOf(addresses));
    }

    private static String resource(String name)
    {
        try (InputStream in = SotuCorpus.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    // Initialization-on-demand holder: read on first use, immutable afterwards.
    private static final class Loaded
    {
        static final SotuCorpus CORPUS = read();
    }
}
