package org.ernie4j.tasks.word;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ernie4j.spi.document.Document;
import org.ernie4j.testkit.TestingVocabulary;

/**
 * Three whole State of the Union addresses from this module's test resources ({@code sotu/}), annotated by
 * {@link PlainText}, with a vocabulary built over their words: more real text than the shared annotated fixture holds,
 * for label statistics.
 *
 * <p>The vocabulary has BERT's special pieces and one reserved piece, every character of the texts (as a first piece and
 * as a {@code ##} continuation, so that every word has a split and none is {@code [UNK]}), every word that occurs at least
 * twice, and a few suffixes. Words that occur once are split into several pieces, as rare words are by a real vocabulary.
 */
final class Addresses
{
    static final List<String> FILES = List.of("1790_george_washington_n", "1932_herbert_hoover_r", "1964_lyndon_b_johnson_d");

    private static final List<String> SUFFIXES = List.of("##s", "##es", "##ed", "##ing", "##ly", "##ion", "##ment", "##al");

    private Addresses()
    {
    }

    /** The vocabulary of the addresses, built once. */
    static TestingVocabulary vocabulary()
    {
        return Loaded.VOCABULARY;
    }

    /** The addresses as documents, one per address, built once. */
    static List<Document> documents()
    {
        return Loaded.DOCUMENTS;
    }

    // Initialization-on-demand holder: read on first use, immutable afterwards, safe to share between test classes.
    private static final class Loaded
    {
        static final List<String> TEXTS = FILES.stream().map(Addresses::read).toList();
        static final TestingVocabulary VOCABULARY = buildVocabulary(TEXTS);
        static final List<Document> DOCUMENTS = documents(TEXTS, VOCABULARY);
    }

    private static List<Document> documents(List<String> texts, TestingVocabulary vocabulary)
    {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            documents.add(PlainText.document(FILES.get(i), texts.get(i), vocabulary));
        }
        return List.copyOf(documents);
    }

    private static TestingVocabulary buildVocabulary(List<String> texts)
    {
        Set<String> pieces = new LinkedHashSet<>(List.of("[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        Map<String, Integer> counts = new HashMap<>();
        Set<String> characters = new LinkedHashSet<>();
        for (String text : texts) {
            // As the vocabulary's encoder sees words: lower case, accents stripped, split at anything but letters and digits.
            String normalized = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
            normalized.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> characters.add(Character.toString(c)));
            for (String word : normalized.split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        for (String character : characters) {
            pieces.add(character);
            pieces.add("##" + character);
        }
        counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(pieces::add);
        pieces.addAll(SUFFIXES);
        return TestingVocabulary.of(List.copyOf(pieces));
    }

    private static String read(String file)
    {
        String resource = "sotu/" + file + ".txt";
        try (InputStream in = Addresses.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
