package org.ernie4j.runner;

import java.io.UncheckedIOException;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.run.ResumeModeException;
import org.ernie4j.spi.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error and an exit code: 2 for a configuration or usage problem the
 * user can fix, 1 for anything else. Unexpected failures also go to the log with their stack trace.
 */
final class ErrorHandler
        implements CommandLine.IExecutionExceptionHandler
{
    static final int CONFIGURATION_ERROR = 2;
    static final int FAILURE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult)
    {
        if (exception instanceof ConfigException || exception instanceof InvalidSettingException) {
            commandLine.getErr().println("configuration error: " + exception.getMessage());
            return CONFIGURATION_ERROR;
        }
        if (exception instanceof ResumeModeException) {
            // --resume without a checkpoint, --fresh with checkpoints: the command line asked for what the directory cannot give.
            commandLine.getErr().println("usage error: " + exception.getMessage());
            return CONFIGURATION_ERROR;
        }
        if (exception instanceof IllegalArgumentException || exception instanceof IllegalStateException
                || exception instanceof UncheckedIOException || exception.getClass().getName().startsWith("org.ernie4j.")) {
            // Our own failures carry messages written for the user (file, line, key, task, step); the trace adds nothing.
            LOG.debug("failure", exception);
            commandLine.getErr().println("error: " + exception.getMessage());
            return FAILURE;
        }
        LOG.error("unexpected failure", exception);
        commandLine.getErr().println("error: " + exception);
        return FAILURE;
    }
}
