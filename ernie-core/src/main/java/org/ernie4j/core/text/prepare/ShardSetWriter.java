package org.ernie4j.core.text.prepare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;

import static java.util.Objects.requireNonNull;

/**
 * Writes documents into numbered shard files of a fixed number of documents each, and counts what it wrote.
 */
final class ShardSetWriter
{
    private final Path directory;
    private final int documentsPerShard;
    private final List<ShardInfo> shards = new ArrayList<>();
    private ShardWriter current = new ShardWriter();
    private long documents;
    private long sentences;
    private long tokens;
    private long pieces;

    ShardSetWriter(Path directory, int documentsPerShard)
    {
        this.directory = requireNonNull(directory, "directory is null");
        if (documentsPerShard < 1) {
            throw new IllegalArgumentException("documentsPerShard must be positive: " + documentsPerShard);
        }
        this.documentsPerShard = documentsPerShard;
    }

    void add(Document document)
    {
        current.add(document);
        documents++;
        for (Sentence sentence : document.sentences()) {
            sentences++;
            tokens += sentence.tokens().size();
            pieces += sentence.pieceCount();
        }
        if (current.documents() == documentsPerShard) {
            flush();
        }
    }

    /** Writes the last, partial shard and lists all shards in order. */
    List<ShardInfo> finish()
    {
        if (current.documents() > 0) {
            flush();
        }
        return List.copyOf(shards);
    }

    CorpusStats stats()
    {
        return new CorpusStats(documents, sentences, tokens, pieces);
    }

    private void flush()
    {
        String name = String.format(Locale.ROOT, "shard-%05d.bin", shards.size());
        shards.add(current.writeTo(directory.resolve(name)));
        current = new ShardWriter();
    }
}
