package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import org.ernie4j.core.support.DirectoryTree;

import static java.util.Objects.requireNonNull;

/**
 * Where a prepared corpus goes: built in a hidden temporary sibling directory and renamed into place when complete, so
 * that a crash never leaves a half-written corpus under the target name. Replaces only an earlier prepared corpus, and
 * only when asked to.
 */
final class OutputDirectory
{
    private final Path target;
    private final boolean overwrite;

    /**
     * @throws PreparedCorpusException if the target is in the way: see {@link #checkTarget()}
     */
    OutputDirectory(Path target, boolean overwrite)
    {
        this.target = requireNonNull(target, "target is null").toAbsolutePath().normalize();
        this.overwrite = overwrite;
        checkTarget();
    }

    Path target()
    {
        return target;
    }

    /**
     * An empty directory or none at all is fine; an earlier prepared corpus only with {@code overwrite}; anything else
     * never, because replacing it would delete a user's files.
     */
    private void checkTarget()
    {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new PreparedCorpusException("Output " + target + " exists and is not a directory");
        }
        if (isEmptyDirectory(target)) {
            return;
        }
        if (!Files.isRegularFile(target.resolve(Manifest.FILE_NAME))) {
            throw new PreparedCorpusException("Output directory " + target + " exists, is not empty and holds no prepared corpus ("
                    + Manifest.FILE_NAME + "); refusing to replace it");
        }
        if (!overwrite) {
            throw new PreparedCorpusException("Output directory " + target + " already holds a prepared corpus; "
                    + "set overwrite to replace it");
        }
    }

    /**
     * A new, empty temporary directory beside the target. Made with {@link Files#createDirectory} rather than
     * {@link Files#createTempDirectory}, whose owner-only permissions would stay with the corpus after the rename.
     */
    private Path createTemporary()
    {
        try {
            Files.createDirectories(target.getParent());
            return Files.createDirectory(sibling("tmp"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory beside " + target, e);
        }
    }

    private Path sibling(String kind)
    {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + suffix);
    }

    /**
     * Has {@code writer} fill a new temporary directory and moves it into place when it returns; when it throws, the
     * temporary directory is deleted and the target is left as it was.
     */
    <T> T write(Function<Path, T> writer)
    {
        Path temporary = createTemporary();
        try {
            T written = writer.apply(temporary);
            commit(temporary);
            return written;
        }
        catch (RuntimeException | Error e) {
            try {
                deleteRecursively(temporary);
            }
            catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Moves the completed temporary directory into place, replacing what {@link #checkTarget()} allowed. */
    private void commit(Path temporary)
    {
        checkTarget();
        try {
            if (Files.exists(target)) {
                Path old = sibling("old");
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            }
            else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot move the prepared corpus from " + temporary + " to " + target, e);
        }
    }

    static void deleteRecursively(Path directory)
    {
        try {
            DirectoryTree.delete(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    private static boolean isEmptyDirectory(Path directory)
    {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
