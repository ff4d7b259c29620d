package org.ernie4j.core.text.corpus;

/**
 * Why a file, a line or a document of the corpus was not read.
 */
public enum SkipReason
{
    /** A file with no bytes, or only white space; a JSONL record with blank text. */
    EMPTY("empty"),

    /** A file with a NUL byte or too high a share of control characters. */
    BINARY("binary"),

    /** A file that is not valid UTF-8. */
    INVALID_UTF8("not valid UTF-8"),

    /** A file with a line longer than the configured limit. */
    LINE_TOO_LONG("line too long"),

    /** A JSONL line that is not a JSON object with a string {@code text} field. */
    MALFORMED_JSON("malformed JSON"),

    /** A document whose id was already read; the first one is kept. */
    DUPLICATE_ID("duplicate document id"),

    /** A gzip-compressed file ({@code .gz}) that is not a whole gzip stream: truncated, or not gzip at all. */
    DAMAGED_COMPRESSION("damaged gzip file");

    private final String description;

    SkipReason(String description)
    {
        this.description = description;
    }

    public String description()
    {
        return description;
    }
}
