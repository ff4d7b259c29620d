package org.ernie4j.core.text.prepare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;

import static java.util.Objects.requireNonNull;

/**
 * Writes documents into numbered shard files of a fixed number of documents each, and counts what it wrote. Can carry
 * on after shards an earlier, interrupted preparation completed, numbering and counting on from them. A worker of a
 * cluster preparation writes its part of the documents with one of these into a directory of its own.
 */
@PublicApi
public final class ShardSetWriter
{
    private final Path directory;
    private final int documentsPerShard;
    private final List<ShardInfo> shards = new ArrayList<>();
    private ShardWriter current = new ShardWriter();
    private long documents;
    private long sentences;
    private long tokens;
    private long pieces;

    public ShardSetWriter(Path directory, int documentsPerShard)
    {
        this(directory, documentsPerShard, List.of(), new CorpusStats(0, 0, 0, 0));
    }

    /**
     * @param written the shards already in {@code directory}, in order, each with {@code documentsPerShard} documents
     * @param counted what they hold
     */
    ShardSetWriter(Path directory, int documentsPerShard, List<ShardInfo> written, CorpusStats counted)
    {
        this.directory = requireNonNull(directory, "directory is null");
        if (documentsPerShard < 1) {
            throw new IllegalArgumentException("documentsPerShard must be positive: " + documentsPerShard);
        }
        this.documentsPerShard = documentsPerShard;
        shards.addAll(requireNonNull(written, "written is null"));
        requireNonNull(counted, "counted is null");
        documents = counted.documents();
        sentences = counted.sentences();
        tokens = counted.tokens();
        pieces = counted.pieces();
    }

    /** @return the shard this document completed and that was written, if it did */
    public Optional<ShardInfo> add(Document document)
    {
        current.add(document);
        documents++;
        for (Sentence sentence : document.sentences()) {
            sentences++;
            tokens += sentence.tokens().size();
            pieces += sentence.pieceCount();
        }
        if (current.documents() == documentsPerShard) {
            return Optional.of(flush());
        }
        return Optional.empty();
    }

    /** Writes the last, partial shard and lists all shards in order. */
    public List<ShardInfo> finish()
    {
        if (current.documents() > 0) {
            flush();
        }
        return List.copyOf(shards);
    }

    public CorpusStats stats()
    {
        return new CorpusStats(documents, sentences, tokens, pieces);
    }

    /** The name of the shard file at {@code index} (from 0) of a prepared corpus. */
    public static String fileName(int index)
    {
        return String.format(Locale.ROOT, "shard-%05d.bin", index);
    }

    private ShardInfo flush()
    {
        ShardInfo shard = current.writeTo(directory.resolve(fileName(shards.size())));
        shards.add(shard);
        current = new ShardWriter();
        return shard;
    }
}
