package org.ernie4j.tasks.word;

import java.util.List;

import org.ernie4j.testkit.TestingVocabulary;

/**
 * A vocabulary just big enough for the hand-made sentences of this module's unit tests. They count pieces, so they must
 * not depend on the shared fixture's vocabulary, which will change. Some words are split on purpose:
 * {@code enlighten ##ed}, {@code punctual ##ity}, {@code 30 ##th}; Greek has no pieces at all.
 */
final class SmallVocabulary
{
    static final TestingVocabulary VOCABULARY = TestingVocabulary.of(List.of(
            "[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            ".", ",", "!", "(", ")",
            "the", "a", "of", "to", "by", "in", "saw", "has", "been", "had", "taken", "some",
            "enlighten", "##ed", "government", "france", "united", "states", "instruments", "bearing", "date", "30", "##th", "april",
            "last", "peace", "friendship", "former", "exemplary", "session", "loan", "measures", "place", "union", "state",
            "punctual", "##ity"));

    private SmallVocabulary()
    {
    }
}
