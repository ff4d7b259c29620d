package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Where a shard's bytes are read from: a file, a range at a time, or an array already in memory.
 */
abstract sealed class ShardBytes
{
    abstract long length();

    /** The {@code length} bytes from {@code position}, which must lie within the shard. */
    abstract byte[] read(long position, int length);

    static ShardBytes of(byte[] data)
    {
        return new InMemory(data);
    }

    /**
     * @throws PreparedCorpusException naming the file if it is missing
     */
    static ShardBytes of(Path file)
    {
        try {
            return new OnDisk(file, Files.size(file));
        }
        catch (NoSuchFileException e) {
            throw new PreparedCorpusException("Prepared corpus file " + file + " is missing");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static final class InMemory
            extends ShardBytes
    {
        private final byte[] data;

        InMemory(byte[] data)
        {
            this.data = data;
        }

        @Override
        long length()
        {
            return data.length;
        }

        @Override
        byte[] read(long position, int length)
        {
            return Arrays.copyOfRange(data, (int) position, (int) position + length);
        }
    }

    /**
     * Opens the file for each read rather than holding it open: a corpus is opened by many parts of a run and closed by
     * none, and a read costs far less than the examples made from the document. Positional reads keep concurrent callers
     * apart.
     */
    private static final class OnDisk
            extends ShardBytes
    {
        private final Path file;
        private final long length;

        OnDisk(Path file, long length)
        {
            this.file = requireNonNull(file, "file is null");
            this.length = length;
        }

        @Override
        long length()
        {
            return length;
        }

        @Override
        byte[] read(long position, int count)
        {
            ByteBuffer buffer = ByteBuffer.allocate(count);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (channel.size() != length) {
                    throw new PreparedCorpusException("Shard " + file + " changed size since the corpus was opened (" + length + " bytes, now "
                            + channel.size() + "): prepare the corpus again");
                }
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new PreparedCorpusException("Shard " + file + " ended at byte " + (position + buffer.position()) + " of " + length);
                    }
                }
            }
            catch (NoSuchFileException e) {
                throw new PreparedCorpusException("Prepared corpus file " + file + " disappeared after the corpus was opened");
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            return buffer.array();
        }
    }
}
