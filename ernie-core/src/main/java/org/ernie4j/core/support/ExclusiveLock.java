package org.ernie4j.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * An exclusive lock on a lock file, held by this process while it writes what the file guards, so that two processes
 * never write the same directory at once. The file names the holder's process id for the message a second process gets.
 * The operating system releases the lock when the process dies, so a crash never leaves a stale lock.
 *
 * <p>The operating system's locks belong to the process and are released when the process closes <em>any</em>
 * descriptor of the file, so a holder never opens the file a second time, and a second attempt in the same process is
 * refused from a table of the locks this process holds, before it opens anything.
 *
 * <p>A lock file may be deleted when its lock is released ({@link Removal#DELETE}), so that nothing is left beside what
 * it guarded. A process that opened the file just before and locks it just after would then hold the lock of a file no
 * longer there while a third locks a new one; so every holder checks, after locking, that the path still leads to the
 * file it had found there before opening it (the file system's key of the path, read without opening the file), and
 * otherwise tries again.
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
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

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
        Path key = file.toAbsolutePath().normalize();
        if (!HELD_HERE.add(key)) {
            throw new IllegalStateException(guarded + " is already in use by this process");
        }
        try {
            return lock(key, removal, guarded, remedy);
        }
        catch (RuntimeException e) {
            HELD_HERE.remove(key);
            throw e;
        }
    }

    private static ExclusiveLock lock(Path file, Removal removal, String guarded, String remedy)
    {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = null;
            try {
                Files.createDirectories(file.getParent());
                Optional<Object> found = fileKey(file);
                if (found.isEmpty()) {
                    createIfMissing(file);
                    continue;
                }
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    String holder = firstLine(file);
                    throw new IllegalStateException(guarded + " is in use by another process" + (holder.isEmpty() ? "" : " (" + holder + ")") + "; "
                            + remedy);
                }
                if (!found.equals(fileKey(file))) {
                    // The file was deleted, and maybe made again, between finding and locking it: lock the one there now.
                    channel.close();
                    continue;
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
                return new ExclusiveLock(file, removal, channel, lock);
            }
            catch (NoSuchFileException e) {
                // Deleted between finding and opening it: try again.
                closeQuietly(channel);
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
        finally {
            HELD_HERE.remove(file);
        }
    }

    /** The file system's identity of the file at {@code file} (device and inode on Unix), read without opening it. */
    private static Optional<Object> fileKey(Path file)
            throws IOException
    {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            // A file system without keys: fall back to the path itself, which cannot tell a replaced file.
            return Optional.of(key == null ? file : key);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void createIfMissing(Path file)
            throws IOException
    {
        try {
            Files.createFile(file);
        }
        catch (FileAlreadyExistsException e) {
            // Another process made it first: lock that one.
        }
    }

    /** The holder's line; read only by a process that does not hold the lock (closing the reader would release it). */
    private static String firstLine(Path file)
            throws IOException
    {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            int end = content.indexOf('\n');
            return end < 0 ? content : content.substring(0, end);
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
