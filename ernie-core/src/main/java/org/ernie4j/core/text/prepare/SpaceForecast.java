package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.ernie4j.core.support.ByteSize;

import static java.util.Objects.requireNonNull;

/**
 * How much room a preparation will need, judged from what it has written so far: the complete shards' bytes per input
 * document, times the input's documents, against the free space of the disk it writes to. An estimate (documents differ
 * in length), good enough to warn early that a corpus will not fit and to say, when the disk is full, how much room to
 * make.
 *
 * @param directory the directory the preparation writes
 * @param written the bytes of the complete shards
 * @param documentsDone the input documents those shards hold (documents without sentences included)
 * @param documentsInAll the input's documents
 * @param usable the bytes the disk holding {@code directory} can still take, if the file system says
 */
record SpaceForecast(Path directory, long written, long documentsDone, long documentsInAll, OptionalLong usable)
{
    SpaceForecast
    {
        requireNonNull(directory, "directory is null");
        requireNonNull(usable, "usable is null");
    }

    static SpaceForecast of(Path directory, List<CompleteShard> shards, long documentsInAll)
    {
        long written = shards.stream().mapToLong(shard -> shard.shard().bytes()).sum();
        long done = shards.isEmpty() ? 0 : shards.get(shards.size() - 1).upTo().inputDocuments();
        return new SpaceForecast(directory, written, done, documentsInAll, usableSpace(directory));
    }

    /** The whole prepared corpus's shards, once at least one shard is complete. */
    OptionalLong expectedInAll()
    {
        if (documentsDone == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round((double) written / documentsDone * Math.max(documentsInAll, documentsDone)));
    }

    /** Whether the shards still to write will, by the estimate, not fit on the disk. */
    boolean shortOfSpace()
    {
        OptionalLong expected = expectedInAll();
        return expected.isPresent() && usable.isPresent() && expected.getAsLong() - written > usable.getAsLong();
    }

    /** "the disk holding D has 1.2 MiB free; the 3 complete shards take 4.5 MiB, the whole corpus will take about 20.1 MiB" */
    String describe(int completeShards)
    {
        StringBuilder text = new StringBuilder("the disk holding ").append(directory);
        text.append(usable.isPresent() ? " has " + ByteSize.format(usable.getAsLong()) + " free" : " does not say how much room it has");
        OptionalLong expected = expectedInAll();
        if (expected.isPresent()) {
            text.append("; the ").append(completeShards).append(completeShards == 1 ? " complete shard takes " : " complete shards take ")
                    .append(ByteSize.format(written)).append(", the whole prepared corpus will take about ")
                    .append(ByteSize.format(expected.getAsLong()));
        }
        return text.toString();
    }

    private static OptionalLong usableSpace(Path directory)
    {
        try {
            return OptionalLong.of(Files.getFileStore(directory).getUsableSpace());
        }
        catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
