package org.ernie4j.core.text.annotate;

/**
 * A gazetteer file that cannot be used. The message names the file and the line.
 */
public class GazetteerException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public GazetteerException(String message)
    {
        super(message);
    }
}
