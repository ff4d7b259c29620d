package org.ernie4j.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static java.util.Objects.requireNonNull;

/**
 * An exclusive lock on a lock file, held by this process while it writes what the file guards, so that two processes
 * never write the same directory at once. The file holds the holder's process id for the message a second process gets.
 * The operating system releases the lock when the process dies, so a crash never leaves a stale lock behind; the file
 * itself stays (deleting it could let two processes each lock a file of the same name).
 */
public final class ExclusiveLock
        implements AutoCloseable
{
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveLock(Path file, FileChannel channel, FileLock lock)
    {
        this.file = file;
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
    public static ExclusiveLock acquire(Path file, String guarded, String remedy)
    {
        requireNonNull(file, "file is null");
        requireNonNull(guarded, "guarded is null");
        requireNonNull(remedy, "remedy is null");
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                throw new IllegalStateException(guarded + " is in use by another process" + (holder.isEmpty() ? "" : " (" + holder + ")") + "; "
                        + remedy);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new ExclusiveLock(file, channel, lock);
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

    @Override
    public void close()
    {
        try {
            lock.release();
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
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
