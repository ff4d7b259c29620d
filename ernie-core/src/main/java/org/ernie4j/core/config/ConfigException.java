package org.ernie4j.core.config;

import org.ernie4j.core.PublicApi;

/**
 * A configuration that cannot be used. The message names the key's path (such as {@code model.heads}) and, when read
 * from a file, the file and line.
 */
@PublicApi
public class ConfigException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public ConfigException(String path, String problem)
    {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public ConfigException(String path, String problem, Throwable cause)
    {
        super(path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** The dotted path of the offending key. */
    public String path()
    {
        return path;
    }

    /** What is wrong, without the path. */
    public String problem()
    {
        return problem;
    }
}
