package org.ernie4j.core.text.prepare;

import java.util.OptionalInt;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;

/**
 * How a prepared corpus's words were split into pieces, as its manifest records it: the part of {@link TokenizerSettings}
 * that changes the pieces (an input's maximum length does not, so it is not kept). A corpus prepared for a cased model
 * must be read back, and its task texts encoded, as cased.
 */
@PublicApi
public record PreparedTokenization(boolean lowercase, boolean stripAccents, boolean splitCjk, boolean cleanText, int maxWordLength)
{
    public static PreparedTokenization of(TokenizerSettings settings)
    {
        return new PreparedTokenization(settings.lowercase(), settings.stripAccents(), settings.splitCjk(), settings.cleanText(),
                settings.maxWordLength());
    }

    public TokenizerSettings settings()
    {
        return new TokenizerSettings(cleanText, splitCjk, stripAccents, lowercase, maxWordLength, OptionalInt.empty());
    }
}
