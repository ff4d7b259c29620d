package org.ernie4j.core.training.data;

/**
 * A task that yields no example from the whole corpus: training it would loop forever.
 */
public class NoExamplesException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    public NoExamplesException(String message)
    {
        super(message);
    }
}
