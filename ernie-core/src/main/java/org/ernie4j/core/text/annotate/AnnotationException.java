package org.ernie4j.core.text.annotate;

/**
 * Annotating a document failed; the message names the document, the cause says why.
 */
public class AnnotationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public AnnotationException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
