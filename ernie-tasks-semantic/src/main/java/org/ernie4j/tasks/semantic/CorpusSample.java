package org.ernie4j.tasks.semantic;

import java.util.AbstractList;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;

import static java.util.Objects.requireNonNull;

/**
 * At most {@code limit} documents of a corpus, evenly spaced over it, so that an estimate made when a task joins a run
 * sees the whole corpus (not its first shard) at a bounded cost. Documents are read when iterated, one at a time.
 */
final class CorpusSample
        extends AbstractList<Document>
{
    private final DocumentSource corpus;
    private final int size;

    CorpusSample(DocumentSource corpus, int limit)
    {
        this.corpus = requireNonNull(corpus, "corpus is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.size = Math.min(corpus.size(), limit);
    }

    @Override
    public Document get(int index)
    {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return corpus.get((int) ((long) index * corpus.size() / size));
    }

    @Override
    public int size()
    {
        return size;
    }

    /** How many documents the corpus has in all. */
    int corpusSize()
    {
        return corpus.size();
    }
}
