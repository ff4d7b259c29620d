package org.ernie4j.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.ernie4j.core.PublicApi;

/**
 * An exclusive lock on a run directory, held while a process trains in it: two processes writing the same checkpoints
 * would corrupt each other. The operating system releases the lock when the process dies, so a crash never leaves a
 * stale lock behind.
 */
@PublicApi
public final class RunLock
        implements AutoCloseable
{
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code runDirectory}, or fails naming the process that holds it. */
    public static RunLock acquire(Path runDirectory)
    {
        Path file = runDirectory.resolve("run.lock");
        try {
            Files.createDirectories(runDirectory);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalStateException("run directory " + runDirectory + " is in use by another process"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; stop it or choose another --run-dir");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new RunLock(channel, lock);
        }
        catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IllegalStateException("run directory " + runDirectory + " is already in use by this process", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot lock run directory " + runDirectory, e);
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
            throw new UncheckedIOException("cannot release run lock", e);
        }
    }
}
