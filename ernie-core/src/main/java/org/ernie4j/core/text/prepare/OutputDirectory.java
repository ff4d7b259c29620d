package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.ernie4j.core.support.DirectoryTree;
import org.ernie4j.core.support.ExclusiveLock;

import static java.util.Objects.requireNonNull;

/**
 * Where a prepared corpus goes: built in a hidden sibling directory and renamed into place when complete, so that a
 * crash never leaves a half-written corpus under the target name. Replaces only an earlier prepared corpus, and only
 * when asked to. The sibling is either a temporary directory of a random name, deleted when writing fails, or, for work
 * that can be continued, the directory {@code .NAME.partial} beside the target {@code NAME}, which a later write into
 * the same target finds again.
 *
 * <p>Writing holds the lock file {@code .NAME.lock} beside the target, deleted when writing ends: two processes
 * preparing into one target would delete and overwrite each other's files in {@code .NAME.partial}. A run directory's
 * own lock does not cover a target outside it ({@code --prepared DIR}).
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

    /** Where {@link #writeResumable} builds the target: beside it, hidden, under a name derived from the target's. */
    Path partial()
    {
        return target.resolveSibling("." + target.getFileName() + ".partial");
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
        try (ExclusiveLock lock = lock()) {
            return fill(createTemporary(), writer, directory -> false);
        }
    }

    /**
     * Has {@code writer} fill {@link #partial()}, created if missing and left as it is if present, and moves it into
     * place when it returns. When it throws, the directory is kept if {@code resumable} says that what it holds is
     * worth continuing from, and deleted otherwise; the target is left as it was either way.
     */
    <T> T writeResumable(Function<Path, T> writer, Predicate<Path> resumable)
    {
        try (ExclusiveLock lock = lock()) {
            Path partial = partial();
            try {
                Files.createDirectories(partial);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + partial, e);
            }
            return fill(partial, writer, resumable);
        }
    }

    private ExclusiveLock lock()
    {
        return ExclusiveLock.acquire(target.resolveSibling("." + target.getFileName() + ".lock"), ExclusiveLock.Removal.DELETE,
                "The prepared corpus " + target,
                "wait for that preparation to end or prepare into another directory");
    }

    private <T> T fill(Path directory, Function<Path, T> writer, Predicate<Path> keep)
    {
        try {
            T written = writer.apply(directory);
            commit(directory);
            return written;
        }
        catch (RuntimeException | Error e) {
            try {
                if (!keep.test(directory)) {
                    deleteRecursively(directory);
                }
            }
            catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Moves the completed directory into place, replacing what {@link #checkTarget()} allowed. */
    private void commit(Path complete)
    {
        checkTarget();
        try {
            if (Files.exists(target)) {
                Path old = sibling("old");
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            }
            else {
                Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot move the prepared corpus from " + complete + " to " + target, e);
        }
    }

    static void deleteRecursively(Path directory)
    {
        // A few attempts: after a failed cluster job, tasks Spark did not stop may still write into the directory for a
        // moment (their next file then fails, the directory being gone), and a file made during the walk stops it.
        for (int attempt = 1; ; attempt++) {
            try {
                DirectoryTree.delete(directory);
                return;
            }
            catch (IOException e) {
                if (attempt == 3) {
                    throw new UncheckedIOException("Cannot delete " + directory, e);
                }
                try {
                    Thread.sleep(200L * attempt);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException("Cannot delete " + directory + " (interrupted)", e);
                }
            }
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
