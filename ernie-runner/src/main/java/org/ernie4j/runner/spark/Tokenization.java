package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.OptionalInt;

import org.ernie4j.core.text.wordpiece.TokenizerSettings;

import static java.util.Objects.requireNonNull;

/** {@link TokenizerSettings} in a form Spark can ship to workers, which split words exactly as the driver would. */
final class Tokenization
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final boolean cleanText;
    private final boolean splitCjk;
    private final boolean stripAccents;
    private final boolean lowercase;
    private final int maxWordLength;
    private final Integer maxLength;

    Tokenization(TokenizerSettings settings)
    {
        requireNonNull(settings, "settings is null");
        this.cleanText = settings.cleanText();
        this.splitCjk = settings.splitCjk();
        this.stripAccents = settings.stripAccents();
        this.lowercase = settings.lowercase();
        this.maxWordLength = settings.maxWordLength();
        this.maxLength = settings.maxLength().isPresent() ? settings.maxLength().getAsInt() : null;
    }

    TokenizerSettings settings()
    {
        return new TokenizerSettings(cleanText, splitCjk, stripAccents, lowercase, maxWordLength,
                maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength));
    }
}
