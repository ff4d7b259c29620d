package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static java.util.Objects.requireNonNull;

/**
 * The directory a preparation is built in, and what it has completed, so that an interrupted preparation continues
 * where it stopped. Besides the vocabulary ({@code vocab.txt}, written before the first shard) and the shards, it holds
 * {@value #PROGRESS_FILE}: the work it belongs to (input fingerprint, settings) and every complete shard with its
 * checksum and the counts up to its end. That file is replaced atomically after each shard, so it never names a shard
 * that is not completely written; a shard begun after the last record is written again.
 *
 * <p>Opening the directory keeps what it holds only for the same work, and only the vocabulary and the shards whose
 * checksums still hold (the first that does not ends the kept ones); everything else in it is deleted. It never holds a
 * manifest until the preparation is complete, and {@link #finish()} removes the progress record before the directory
 * is moved into place.
 */
final class PartialPreparation
{
    private static final Logger log = LoggerFactory.getLogger(PartialPreparation.class);
    static final String PROGRESS_FILE = "progress.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Path directory;
    private final PreparationWork work;
    private final Optional<VocabularyInfo> keptVocabulary;
    private PreparationProgress progress;

    private PartialPreparation(Path directory, PreparationWork work, VocabularyInfo keptVocabulary, List<CompleteShard> keptShards)
    {
        this.directory = directory;
        this.work = work;
        this.keptVocabulary = Optional.ofNullable(keptVocabulary);
        this.progress = keptVocabulary == null ? null : new PreparationProgress(work, keptVocabulary, keptShards);
    }

    /**
     * Opens {@code directory} for {@code work}, keeping what an earlier, interrupted preparation of the same work
     * completed there and deleting the rest.
     */
    static PartialPreparation open(Path directory, PreparationWork work)
    {
        requireNonNull(directory, "directory is null");
        requireNonNull(work, "work is null");
        Optional<PreparationProgress> earlier = read(directory);
        VocabularyInfo vocabulary = null;
        List<CompleteShard> shards = List.of();
        if (earlier.isPresent()) {
            String difference = work.differenceFrom(earlier.get().work());
            if (!difference.isEmpty()) {
                log.info("Starting over in {}: the unfinished preparation there cannot be continued, {}", directory, difference);
            }
            else if (!intact(directory, earlier.get().vocabulary().file(), earlier.get().vocabulary().sha256())) {
                log.info("Starting over in {}: the vocabulary of the unfinished preparation there is not as it was written", directory);
            }
            else {
                vocabulary = earlier.get().vocabulary();
                shards = intactShards(directory, earlier.get().shards());
            }
        }
        Set<String> kept = new HashSet<>();
        kept.add(PROGRESS_FILE);
        if (vocabulary != null) {
            kept.add(vocabulary.file());
        }
        shards.forEach(shard -> kept.add(shard.shard().file()));
        deleteAllBut(directory, kept);
        PartialPreparation partial = new PartialPreparation(directory, work, vocabulary, shards);
        if (vocabulary == null) {
            delete(directory.resolve(PROGRESS_FILE));
        }
        else {
            partial.save();
        }
        return partial;
    }

    /** Whether {@code directory} holds an unfinished preparation worth continuing: one that got as far as annotating. */
    static boolean resumable(Path directory)
    {
        return Files.isRegularFile(directory.resolve(PROGRESS_FILE));
    }

    /** The vocabulary file an earlier preparation of the same work wrote, verified, which training need not repeat. */
    Optional<Path> keptVocabulary()
    {
        return keptVocabulary.map(info -> directory.resolve(info.file()));
    }

    /** The shards kept from an earlier preparation, in order, verified. */
    List<CompleteShard> shards()
    {
        return progress == null ? List.of() : progress.shards();
    }

    /** The counts at the end of the last kept shard; {@link PreparationCounts#NONE} when none was kept. */
    PreparationCounts countsSoFar()
    {
        List<CompleteShard> shards = shards();
        return shards.isEmpty() ? PreparationCounts.NONE : shards.get(shards.size() - 1).upTo();
    }

    /** Writes {@code vocabulary} unless it was kept, and records that annotation has begun. */
    void start(WordPieceVocabulary vocabulary)
    {
        if (progress != null) {
            return;
        }
        Path file = directory.resolve(CorpusPreparer.VOCABULARY_FILE);
        try {
            vocabulary.save(file);
        }
        catch (UncheckedIOException e) {
            throw new OutputWriteException(e.getMessage() + ": " + e.getCause().getMessage(), e.getCause());
        }
        progress = new PreparationProgress(work, new VocabularyInfo(CorpusPreparer.VOCABULARY_FILE, vocabulary.size(), Sha256.of(file)), List.of());
        save();
    }

    /** Records a shard that is completely written. */
    void completed(CompleteShard shard)
    {
        if (progress == null) {
            throw new IllegalStateException("a shard completed before the preparation started");
        }
        progress = progress.with(requireNonNull(shard, "shard is null"));
        save();
    }

    /** Removes the progress record: the directory then holds just the prepared corpus. */
    void finish()
    {
        delete(directory.resolve(PROGRESS_FILE));
    }

    private void save()
    {
        Path file = directory.resolve(PROGRESS_FILE);
        Path next = directory.resolve(PROGRESS_FILE + ".next");
        try {
            Files.writeString(next, MAPPER.writeValueAsString(progress) + "\n");
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new OutputWriteException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<PreparationProgress> read(Path directory)
    {
        Path file = directory.resolve(PROGRESS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), PreparationProgress.class));
        }
        catch (IOException | RuntimeException e) {
            log.info("Starting over in {}: its {} cannot be read ({})", directory, PROGRESS_FILE, e.getMessage());
            return Optional.empty();
        }
    }

    /** The shards up to the first that is missing or not as it was written. */
    private static List<CompleteShard> intactShards(Path directory, List<CompleteShard> shards)
    {
        List<CompleteShard> intact = new ArrayList<>();
        for (CompleteShard shard : shards) {
            if (!intact(directory, shard.shard().file(), shard.shard().sha256())) {
                log.info("Shard {} in {} is not as it was written; continuing from the shard before it", shard.shard().file(), directory);
                break;
            }
            intact.add(shard);
        }
        return intact;
    }

    private static boolean intact(Path directory, String name, String sha256)
    {
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) && Sha256.of(file).equals(sha256);
    }

    private static void deleteAllBut(Path directory, Set<String> kept)
    {
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                if (!kept.contains(entry.getFileName().toString())) {
                    OutputDirectory.deleteRecursively(entry);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static void delete(Path file)
    {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
