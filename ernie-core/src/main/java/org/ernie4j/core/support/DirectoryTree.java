package org.ernie4j.core.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.ernie4j.core.PublicApi;

/**
 * Deletes a directory with everything in it: staging directories, replaced checkpoints, scratch runs.
 */
@PublicApi
public final class DirectoryTree
{
    private DirectoryTree()
    {
    }

    /** Deletes {@code path} and all below it, deepest first; nothing happens when it does not exist. */
    public static void delete(Path path)
            throws IOException
    {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
