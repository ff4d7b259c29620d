package org.ernie4j.core.text.corpus;

import static java.util.Objects.requireNonNull;

/**
 * How to read a corpus.
 *
 * @param format the layout, or {@link CorpusFormat#AUTO} to decide from the path
 * @param maxLineLength files with a longer line, in characters, are skipped as {@link SkipReason#LINE_TOO_LONG}
 * @param maxControlShare files in which a larger share of the characters are control characters (other than tab, line
 * feed, carriage return and form feed) are skipped as {@link SkipReason#BINARY}
 */
public record CorpusOptions(CorpusFormat format, int maxLineLength, double maxControlShare)
{
    public static final int DEFAULT_MAX_LINE_LENGTH = 1_000_000;
    // Real text has almost none; the ISO-2022-JP mails of the SpamAssassin corpus have ~3% escape characters.
    public static final double DEFAULT_MAX_CONTROL_SHARE = 0.01;

    public CorpusOptions
    {
        requireNonNull(format, "format is null");
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
        if (!(maxControlShare >= 0 && maxControlShare <= 1)) {
            throw new IllegalArgumentException("maxControlShare must be between 0 and 1: " + maxControlShare);
        }
    }

    public static CorpusOptions defaults()
    {
        return new CorpusOptions(CorpusFormat.AUTO, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_CONTROL_SHARE);
    }

    public CorpusOptions withFormat(CorpusFormat format)
    {
        return new CorpusOptions(format, maxLineLength, maxControlShare);
    }

    public CorpusOptions withMaxLineLength(int maxLineLength)
    {
        return new CorpusOptions(format, maxLineLength, maxControlShare);
    }

    public CorpusOptions withMaxControlShare(double maxControlShare)
    {
        return new CorpusOptions(format, maxLineLength, maxControlShare);
    }
}
