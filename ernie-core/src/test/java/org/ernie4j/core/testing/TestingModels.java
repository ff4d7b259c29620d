package org.ernie4j.core.testing;

import org.ernie4j.core.text.annotate.OpenNlpModels;
import org.ernie4j.core.text.wordpiece.WordCounter;
import org.ernie4j.core.text.wordpiece.WordPieceTrainer;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;

import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuText;

/**
 * Loads the OpenNLP models and a small vocabulary once for all test classes of a test JVM: loading the models takes
 * about a second.
 */
public final class TestingModels
{
    private TestingModels() {}

    public static OpenNlpModels english()
    {
        return Models.ENGLISH;
    }

    /** A 1000-piece vocabulary trained on the three test addresses. */
    public static WordPieceVocabulary sotuVocabulary()
    {
        return Models.VOCABULARY;
    }

    // Holder idiom: initialized on first use, once, thread-safely.
    private static final class Models
    {
        private static final OpenNlpModels ENGLISH = OpenNlpModels.loadEnglish();
        private static final WordPieceVocabulary VOCABULARY = trainVocabulary();

        private static WordPieceVocabulary trainVocabulary()
        {
            WordCounter counter = new WordCounter();
            for (String address : new String[] {WASHINGTON_1790, HOOVER_1932, NIXON_1973}) {
                counter.add(sotuText(address));
            }
            return new WordPieceTrainer(1000).train(counter.counts());
        }
    }
}
