package org.ernie4j.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;

/**
 * An exclusive lock on a lock file, held by this process while it writes what the file guards, so that two processes
 * never write the same directory at once. The file's first line names the holder's process id for the message a second
 * process gets. The operating system releases the lock when the process dies, so a crash never leaves a stale lock.
 *
 * <p>A lock file may be deleted when its lock is released ({@link Removal#DELETE}), so that nothing is left beside what
 * it guarded. A process that opened the file just before and locks it just after would then hold the lock of a file no
 * longer there while a third locks a new one; so every holder checks, after locking, that the path still leads to the
 * file it locked (by a random token it wrote there) and otherwise tries again.
 */
public final class ExclusiveLock
        implements AutoCloseable
{
    /** What happens to the lock file when the lock is released. */
    public enum Removal
    {
        /** It stays, for a directory that keeps its lock file (a run directory's {@code run.lock}). */
        KEEP,
        /** It is deleted, for a lock beside a directory that should be left as if nothing had happened. */
        DELETE,
    }

    private static final int ATTEMPTS = 10;

    private final Path file;
    private final Removal removal;
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveLock(Path file, Removal removal, FileChannel channel, FileLock lock)
    {
        this.file = file;
        this.removal = removal;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code file}, creating it and its directory when missing.
     *
     * @param guarded what the lock guards, for the messages ("run directory /x")
     * @param remedy what to do when another process holds it ("stop it or choose another --run-dir")
     * @throws IllegalStateException if a process, this one included, holds the lock; the message names it
     */
    public static ExclusiveLock acquire(Path file, Removal removal, String guarded, String remedy)
    {
        requireNonNull(file, "file is null");
        requireNonNull(removal, "removal is null");
        requireNonNull(guarded, "guarded is null");
        requireNonNull(remedy, "remedy is null");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = null;
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    String holder = firstLine(file);
                    throw new IllegalStateException(guarded + " is in use by another process" + (holder.isEmpty() ? "" : " (" + holder + ")") + "; "
                            + remedy);
                }
                String content = "pid " + ProcessHandle.current().pid() + "\n" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "\n";
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
                if (content.equals(readOrEmpty(file))) {
                    return new ExclusiveLock(file, removal, channel, lock);
                }
                // The file was deleted, and maybe made again, between opening and locking it: lock the one there now.
                channel.close();
            }
            catch (OverlappingFileLockException e) {
                closeQuietly(channel);
                throw new IllegalStateException(guarded + " is already in use by this process", e);
            }
            catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock " + guarded + " (" + file + ")", e);
            }
            catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
        throw new IllegalStateException("cannot lock " + guarded + ": its lock file " + file + " kept being replaced; " + remedy);
    }

    @Override
    public void close()
    {
        try {
            // Deleted while still held: a process that locks the old file afterwards finds the path changed and tries again.
            if (removal == Removal.DELETE) {
                Files.deleteIfExists(file);
            }
            lock.release();
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
        }
    }

    private static String firstLine(Path file)
            throws IOException
    {
        String content = readOrEmpty(file).strip();
        int end = content.indexOf('\n');
        return end < 0 ? content : content.substring(0, end);
    }

    private static String readOrEmpty(Path file)
            throws IOException
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel)
    {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (IOException ignored) {
            // The lock was not taken; the failure being reported is the one that matters.
        }
    }
}
