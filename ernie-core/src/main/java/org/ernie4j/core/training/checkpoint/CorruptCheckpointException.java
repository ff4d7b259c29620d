package org.ernie4j.core.training.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint that cannot be trusted: a missing file, a checksum that does not match, a truncated tensor file.
 */
public class CorruptCheckpointException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    public CorruptCheckpointException(Path directory, String problem, Throwable cause)
    {
        super("checkpoint " + directory + " is not usable: " + problem, cause);
        this.directory = directory;
    }

    public Path directory()
    {
        return directory;
    }
}
