package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;

/**
 * Hand-made documents whose sentences have exactly the number of pieces a unit test asks for: sentence {@code i} is its
 * word {@code WORDS[i]} repeated, so a piece tells which sentence it comes from. They must not depend on a real text's
 * vocabulary, which may change.
 */
final class SmallDocuments
{
    static final List<String> WORDS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliet", "kilo", "lima", "mike", "november", "oscar", "papa");

    static final TestingVocabulary VOCABULARY = vocabulary();

    private SmallDocuments()
    {
    }

    /** A document of sentences of these numbers of pieces; 0 makes a sentence without tokens. */
    static Document withSentenceLengths(String id, int... lengths)
    {
        if (lengths.length > WORDS.size()) {
            throw new IllegalArgumentException("at most " + WORDS.size() + " sentences");
        }
        TestingDocumentBuilder builder = TestingDocumentBuilder.document(id, VOCABULARY);
        for (int i = 0; i < lengths.length; i++) {
            builder.sentence(String.join(" ", Collections.nCopies(lengths[i], WORDS.get(i))));
        }
        return builder.build();
    }

    /** The index of the sentence a piece comes from, or -1 for a piece that is no sentence's. */
    static int sentenceOf(int pieceId)
    {
        return WORDS.indexOf(VOCABULARY.piece(pieceId));
    }

    /** The sentence index of every piece, -1 for pieces that are no sentence's (such as {@code [SEP]}). */
    static List<Integer> sentencesOf(int[] pieces)
    {
        return Arrays.stream(pieces).map(SmallDocuments::sentenceOf).boxed().toList();
    }

    private static TestingVocabulary vocabulary()
    {
        List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        pieces.addAll(WORDS);
        return TestingVocabulary.of(pieces);
    }
}
