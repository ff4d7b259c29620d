package org.ernie4j.core.text.prepare;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * Cuts documents that were written in parts (the shard files the workers of a cluster preparation write, each worker
 * its own run of documents) into the shards one machine writes: shard {@code k} holds documents {@code k * D} to
 * {@code (k + 1) * D - 1} of the whole run, {@code D} being the documents per shard. A shard's bytes depend only on its
 * documents and their order (labels are numbered as first met in the shard), so the recut shards are byte for byte a
 * local preparation's, wherever the parts happened to end. Each shard is cut on its own, so the shards can be written
 * in parallel.
 */
@PublicApi
public final class ShardRecut
{
    private final List<Path> parts;
    /** The index in the whole run of each part's first document, and at the end the number of documents. */
    private final long[] starts;
    private final int documentsPerShard;

    /**
     * @param parts the part files, in document order
     * @param documents how many documents each holds
     */
    public ShardRecut(List<Path> parts, List<Integer> documents, int documentsPerShard)
    {
        this.parts = List.copyOf(requireNonNull(parts, "parts is null"));
        requireNonNull(documents, "documents is null");
        if (parts.size() != documents.size()) {
            throw new IllegalArgumentException(parts.size() + " parts but " + documents.size() + " document counts");
        }
        if (documentsPerShard < 1) {
            throw new IllegalArgumentException("documentsPerShard must be positive: " + documentsPerShard);
        }
        this.documentsPerShard = documentsPerShard;
        starts = new long[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) {
            starts[i + 1] = starts[i] + documents.get(i);
        }
    }

    /** The number of shards the documents make. */
    public int shards()
    {
        return Math.toIntExact((documents() + documentsPerShard - 1) / documentsPerShard);
    }

    public long documents()
    {
        return starts[parts.size()];
    }

    /** Writes shard {@code index} into {@code directory} under its usual name. */
    public ShardInfo write(int index, Path directory)
    {
        if (index < 0 || index >= shards()) {
            throw new IllegalArgumentException("shard " + index + " of " + shards());
        }
        long first = (long) index * documentsPerShard;
        long end = Math.min(documents(), first + documentsPerShard);
        ShardWriter writer = new ShardWriter();
        int part = partOf(first);
        Shard open = Shard.open(parts.get(part));
        for (long document = first; document < end; document++) {
            while (document >= starts[part + 1]) {
                part++;
                open = Shard.open(parts.get(part));
            }
            writer.add(open.document(Math.toIntExact(document - starts[part])));
        }
        return writer.writeTo(directory.resolve(ShardSetWriter.fileName(index)));
    }

    /** The last part whose first document is at or before {@code document}: parts without documents are passed over. */
    private int partOf(long document)
    {
        int found = Arrays.binarySearch(starts, 0, parts.size(), document);
        if (found < 0) {
            return -found - 2;
        }
        while (found + 1 < parts.size() && starts[found + 1] == document) {
            found++;
        }
        return found;
    }
}
