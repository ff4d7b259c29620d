package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file of a prepared corpus could not be written: the disk filled up, a quota or file size limit was reached, the
 * directory stopped being writable. Apart from other I/O failures (an input that cannot be read) because a preparation
 * that meets it keeps what it completed and explains how to continue (see {@link SpaceForecast}).
 */
final class OutputWriteException
        extends UncheckedIOException
{
    private static final long serialVersionUID = 1L;

    OutputWriteException(String message, IOException cause)
    {
        super(message, cause);
    }
}
