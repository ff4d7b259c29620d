package org.ernie4j.core.text.wordpiece;

/**
 * A vocabulary file that cannot be used, such as one without {@code [MASK]} or with a piece twice. The message names the
 * file and, where there is one, the line.
 */
public class VocabularyException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public VocabularyException(String message)
    {
        super(message);
    }
}
