package org.ernie4j.core.text.prepare;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;

/**
 * All documents of a prepared corpus, by index across its shards. Each {@link #get} decodes the document afresh from the
 * shard bytes held in memory; callers that use a document many times should keep it. Thread-safe.
 */
final class ShardedDocumentSource
        implements DocumentSource
{
    private final List<Shard> shards;
    private final int[] firstIndex;
    private final int size;

    ShardedDocumentSource(List<Shard> shards)
    {
        this.shards = List.copyOf(shards);
        this.firstIndex = new int[shards.size() + 1];
        long total = 0;
        for (int i = 0; i < shards.size(); i++) {
            firstIndex[i] = (int) total;
            total += shards.get(i).size();
        }
        if (total > Integer.MAX_VALUE) {
            throw new PreparedCorpusException("A prepared corpus can hold at most " + Integer.MAX_VALUE + " documents: " + total);
        }
        firstIndex[shards.size()] = (int) total;
        this.size = (int) total;
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    public Document get(int index)
    {
        int shard = shardOf(index);
        return shards.get(shard).document(index - firstIndex[shard]);
    }

    String id(int index)
    {
        int shard = shardOf(index);
        return shards.get(shard).id(index - firstIndex[shard]);
    }

    private int shardOf(int index)
    {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("document " + index + " of " + size);
        }
        // The last shard whose first index is at most the index.
        int low = 0;
        int high = shards.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (firstIndex[middle] <= index) {
                low = middle;
            }
            else {
                high = middle - 1;
            }
        }
        return low;
    }
}
