package org.ernie4j.core.run;

import org.ernie4j.core.PublicApi;

/**
 * A run directory that does not allow the {@link ResumeMode} asked for: a resume where there is no checkpoint, a fresh
 * start where there are checkpoints. A usage mistake, found before the corpus is read.
 */
@PublicApi
public final class ResumeModeException
        extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    public ResumeModeException(String message)
    {
        super(message);
    }
}
