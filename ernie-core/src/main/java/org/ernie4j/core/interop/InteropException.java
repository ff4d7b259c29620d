package org.ernie4j.core.interop;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A file that cannot be imported or written as asked. The message names the file and every tensor or key at fault, all
 * at once, so that one run of the command shows everything to fix.
 */
public final class InteropException
        extends RuntimeException
{
    private final List<String> problems;

    public InteropException(Path file, List<String> problems)
    {
        super(message(requireNonNull(file, "file is null"), problems));
        this.problems = List.copyOf(problems);
    }

    public InteropException(Path file, String problem)
    {
        this(file, List.of(problem));
    }

    public InteropException(Path file, String problem, Throwable cause)
    {
        super(message(file, List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** Each problem found, one per tensor or key. */
    public List<String> problems()
    {
        return problems;
    }

    private static String message(Path file, List<String> problems)
    {
        if (problems.size() == 1) {
            return file + ": " + problems.get(0);
        }
        return file + ": " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems);
    }
}
