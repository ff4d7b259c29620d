package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;

import static java.util.Objects.requireNonNull;

/**
 * A corpus that {@link CorpusPreparer} wrote: the annotated documents, the vocabulary their piece ids refer to, and the
 * manifest. Opening it checks the manifest, every file's SHA-256 and the document counts, then keeps only each shard's
 * header (a few bytes per document) in memory and reads a document from its shard when it is asked for: the heap a
 * corpus needs does not grow with its text. Training reads everything from here and never annotates again. Immutable and
 * thread-safe.
 */
@PublicApi
public final class PreparedCorpus
{
    private final Path directory;
    private final Manifest manifest;
    private final WordPieceVocabulary vocabulary;
    private final ShardedDocumentSource documents;
    /** Built on the first look-up by id, which training never makes: its size grows with the number of documents. */
    private volatile Map<String, Integer> indexById;

    private PreparedCorpus(Path directory, Manifest manifest, WordPieceVocabulary vocabulary, ShardedDocumentSource documents)
    {
        this.directory = directory;
        this.manifest = manifest;
        this.vocabulary = vocabulary;
        this.documents = documents;
    }

    /**
     * @throws PreparedCorpusException naming the file if the directory holds no prepared corpus, or a damaged one
     */
    public static PreparedCorpus open(Path directory)
    {
        requireNonNull(directory, "directory is null");
        Path absolute = directory.toAbsolutePath().normalize();
        Manifest manifest = ManifestFile.read(absolute.resolve(Manifest.FILE_NAME));

        Path vocabularyFile = absolute.resolve(manifest.vocabulary().file());
        checkSha256(vocabularyFile, Sha256.of(readAll(vocabularyFile)), manifest.vocabulary().sha256(), "Vocabulary");
        WordPieceVocabulary vocabulary = WordPieceVocabulary.load(vocabularyFile).withSettings(manifest.settings().tokenization().settings());
        if (vocabulary.size() != manifest.vocabulary().size()) {
            throw new PreparedCorpusException("Vocabulary " + vocabularyFile + " has " + vocabulary.size() + " pieces but the manifest says "
                    + manifest.vocabulary().size());
        }

        List<Shard> shards = new ArrayList<>();
        for (ShardInfo info : manifest.shards()) {
            Path file = absolute.resolve(info.file());
            if (!Files.exists(file)) {
                throw new PreparedCorpusException("Prepared corpus file " + file + " is missing");
            }
            checkSha256(file, Sha256.of(file), info.sha256(), "Shard");
            Shard shard = Shard.open(file);
            if (shard.size() != info.documents()) {
                throw new PreparedCorpusException("Shard " + file + " holds " + shard.size() + " documents but the manifest says " + info.documents());
            }
            shards.add(shard);
        }
        ShardedDocumentSource documents = new ShardedDocumentSource(shards);
        if (documents.size() != manifest.stats().documents()) {
            throw new PreparedCorpusException("The shards of " + absolute + " hold " + documents.size() + " documents but the manifest says "
                    + manifest.stats().documents());
        }
        return new PreparedCorpus(absolute, manifest, vocabulary, documents);
    }

    private static byte[] readAll(Path file)
    {
        try {
            return Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            throw new PreparedCorpusException("Prepared corpus file " + file + " is missing");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void checkSha256(Path file, String actual, String expected, String kind)
    {
        if (!actual.equals(expected)) {
            throw new PreparedCorpusException(kind + " " + file + " has SHA-256 " + actual + " but the manifest says " + expected
                    + ": the file was changed or damaged; prepare the corpus again");
        }
    }

    /**
     * The manifest of the corpus prepared in {@code directory} (what it was prepared from, its fingerprint), read without
     * opening the corpus; empty when the directory holds no prepared corpus.
     */
    public static Optional<Manifest> manifest(Path directory)
    {
        Path manifest = requireNonNull(directory, "directory is null").resolve(Manifest.FILE_NAME);
        return Files.exists(manifest) ? Optional.of(ManifestFile.read(manifest)) : Optional.empty();
    }

    public Path directory()
    {
        return directory;
    }

    public Manifest manifest()
    {
        return manifest;
    }

    /** The vocabulary that the documents' piece ids refer to. */
    public WordPieceVocabulary vocabulary()
    {
        return vocabulary;
    }

    /** All documents, in corpus order; each {@code get} reads a document from its shard and decodes it. */
    public DocumentSource documents()
    {
        return documents;
    }

    /** The SHA-256 over the input files the corpus was prepared from. */
    public String fingerprint()
    {
        return manifest.corpusFingerprint();
    }

    public CorpusStats stats()
    {
        return manifest.stats();
    }

    /** The index of the document with this id in {@link #documents()}, if there is one. */
    public OptionalInt indexOf(String id)
    {
        Integer index = indexById().get(requireNonNull(id, "id is null"));
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    private Map<String, Integer> indexById()
    {
        Map<String, Integer> index = indexById;
        if (index == null) {
            index = new HashMap<>(documents.size() * 2);
            for (int i = 0; i < documents.size(); i++) {
                if (index.put(documents.id(i), i) != null) {
                    throw new PreparedCorpusException("Prepared corpus " + directory + " has document " + documents.id(i) + " twice");
                }
            }
            indexById = index;
        }
        return index;
    }

    /**
     * @throws IllegalArgumentException naming the id if the corpus has no such document
     */
    public Document document(String id)
    {
        OptionalInt index = indexOf(id);
        if (index.isEmpty()) {
            throw new IllegalArgumentException("Prepared corpus " + directory + " has no document " + id);
        }
        return documents.get(index.getAsInt());
    }

    @Override
    public String toString()
    {
        return "PreparedCorpus[" + directory + ", " + documents.size() + " documents]";
    }
}
