package org.ernie4j.spi;

import static java.util.Objects.requireNonNull;

/**
 * A task setting with a value that cannot be used. The message names the setting's full path in the configuration.
 */
public class InvalidSettingException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String path;

    public InvalidSettingException(String path, String problem)
    {
        super(requireNonNull(path, "path is null") + ": " + requireNonNull(problem, "problem is null"));
        this.path = path;
    }

    /** The setting's full path in the configuration, such as {@code tasks.knowledge-masking.masking-rate}. */
    public String path()
    {
        return path;
    }
}
