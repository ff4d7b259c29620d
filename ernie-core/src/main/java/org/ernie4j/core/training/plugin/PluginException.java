package org.ernie4j.core.training.plugin;

import java.nio.file.Path;

/**
 * A plugin jar that is refused. The message names the jar and, where one is to blame, the class.
 */
public class PluginException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path jar;

    public PluginException(Path jar, String problem, Throwable cause)
    {
        super("plugin " + jar + " refused: " + problem, cause);
        this.jar = jar;
    }

    public Path jar()
    {
        return jar;
    }
}
