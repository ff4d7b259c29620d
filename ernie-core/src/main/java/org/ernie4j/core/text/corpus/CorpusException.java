package org.ernie4j.core.text.corpus;

/**
 * A corpus that cannot be read as a whole, such as a folder without any usable text. The message names the path.
 * Problems with single files or lines are not exceptions: they are skipped and counted in the {@link CorpusReport}.
 */
public class CorpusException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public CorpusException(String message)
    {
        super(message);
    }
}
