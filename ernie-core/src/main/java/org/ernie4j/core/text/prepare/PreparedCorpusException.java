package org.ernie4j.core.text.prepare;

/**
 * A prepared corpus that cannot be written or opened: an output directory that is in the way, a damaged shard, a
 * manifest of an unknown format. The message names the file.
 */
public class PreparedCorpusException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public PreparedCorpusException(String message)
    {
        super(message);
    }

    public PreparedCorpusException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
