package org.ernie4j.tasks.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;

/**
 * Four raw State of the Union addresses from {@code src/test/resources/sotu} (1794 Washington, 1940 Roosevelt, 1964
 * Johnson, 1980 Carter; works of the U.S. Government), split by {@link RawText} and encoded with the shared fixture's
 * WordPiece vocabulary: real text with enough discourse markers for class counts, beside the three annotated addresses
 * of {@link Fixtures#sotu()}. These documents have no chunks or entities.
 */
final class Addresses
{
    static final List<String> NAMES = List.of("1794_george_washington_n", "1940_franklin_d_roosevelt_d", "1964_lyndon_b_johnson_d",
            "1980_jimmy_carter_d");

    private Addresses()
    {
    }

    static TestingVocabulary vocabulary()
    {
        return Fixtures.vocabulary();
    }

    /** One document per address, read once. */
    static List<Document> documents()
    {
        return Loaded.DOCUMENTS;
    }

    /** The addresses and the annotated fixture together: seven real documents. */
    static List<Document> withFixture()
    {
        List<Document> all = new ArrayList<>(documents());
        all.addAll(Fixtures.sotu());
        return List.copyOf(all);
    }

    private static List<Document> read()
    {
        List<Document> documents = new ArrayList<>();
        for (String name : NAMES) {
            TestingDocumentBuilder builder = TestingDocumentBuilder.document(name, vocabulary());
            for (List<String> sentence : RawText.sentences(resource("sotu/" + name + ".txt"))) {
                builder.sentence(String.join(" ", sentence));
            }
            documents.add(builder.build());
        }
        return List.copyOf(documents);
    }

    private static String resource(String name)
    {
        try (InputStream in = Addresses.class.getClassLoader().getResourceAsStream(name)) {
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
        static final List<Document> DOCUMENTS = read();
    }
}
