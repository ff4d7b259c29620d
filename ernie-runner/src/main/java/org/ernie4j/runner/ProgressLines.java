package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Progress lines of a long command (one per epoch, say) printed to the error stream as they come, so that they stay out
 * of the results on standard output and are seen at once even when the stream is a pipe.
 */
final class ProgressLines
{
    private ProgressLines()
    {
    }

    static Consumer<String> to(PrintWriter err)
    {
        return line -> {
            err.println(line);
            err.flush();
        };
    }
}
