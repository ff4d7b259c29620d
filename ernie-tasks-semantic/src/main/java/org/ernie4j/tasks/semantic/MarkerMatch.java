package org.ernie4j.tasks.semantic;

import java.util.List;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * A discourse marker found at the start of a sentence.
 *
 * @param marker the marker as the table writes it, such as {@code for example}
 * @param relation the index of the marker's class
 * @param removedTokens how many leading tokens the marker takes, a comma right after it included
 */
record MarkerMatch(String marker, int relation, int removedTokens)
{
    MarkerMatch
    {
        requireNonNull(marker, "marker is null");
        if (relation < 0 || removedTokens < 1) {
            throw new IllegalArgumentException("relation " + relation + ", removed tokens " + removedTokens);
        }
    }

    /** True when a word (a token with a letter or digit) is left in the sentence after the marker. */
    boolean leavesText(Sentence sentence)
    {
        List<Token> tokens = sentence.tokens();
        for (int i = removedTokens; i < tokens.size(); i++) {
            if (tokens.get(i).surface().codePoints().anyMatch(Character::isLetterOrDigit)) {
                return true;
            }
        }
        return false;
    }
}
