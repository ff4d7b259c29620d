package org.ernie4j.tasks.word;

import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * The capitalization label of every word of a window: {@link #CAPITALIZED} when the word's first letter is upper or title
 * case, {@link #LOWER_CASE} when it is lower case.
 *
 * <p>The first <em>letter</em> decides, not the first character, so that "'Tis" or a quote a tokenizer left attached
 * counts by its word. A token goes without a label ({@link TokenLabels#IGNORED}) when:
 * <ul>
 * <li>it has no letter (punctuation, numbers): there is no capital to predict;</li>
 * <li>its first letter has no case, as in Chinese, Japanese, Arabic or Hebrew: neither label would be true;</li>
 * <li>one of its pieces is special, such as {@code [UNK]}: the model cannot see which word it is;</li>
 * <li>it is the first word of its sentence and sentence-initial words are ignored: those are capitalized by the rules of
 * writing, not for what the word is.</li>
 * </ul>
 */
final class CapitalizationLabels
{
    static final int LOWER_CASE = 0;
    static final int CAPITALIZED = 1;

    private final boolean ignoreSentenceInitial;
    private final Vocabulary vocabulary;

    CapitalizationLabels(CapitalizationSettings settings, Vocabulary vocabulary)
    {
        this.ignoreSentenceInitial = requireNonNull(settings, "settings is null").ignoreSentenceInitial();
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /** One label per token of the window. */
    int[] of(Window window)
    {
        int[] labels = new int[window.tokenCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(window.token(i), ignoreSentenceInitial && window.startsSentence(i));
        }
        return labels;
    }

    private int label(Token token, boolean ignored)
    {
        if (ignored || Words.hasSpecialPiece(token, vocabulary)) {
            return TokenLabels.IGNORED;
        }
        int letter = Words.firstLetter(token.surface());
        if (letter == Words.NO_LETTER) {
            return TokenLabels.IGNORED;
        }
        if (Character.isUpperCase(letter) || Character.isTitleCase(letter)) {
            return CAPITALIZED;
        }
        return Character.isLowerCase(letter) ? LOWER_CASE : TokenLabels.IGNORED;
    }
}
