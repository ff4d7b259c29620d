package org.ernie4j.core.training.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.support.DirectoryTree;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static java.util.Objects.requireNonNull;

/**
 * The checkpoints of a run, one directory each ({@code step-00001000}).
 *
 * <p>A checkpoint is written into a hidden temporary directory, every file is flushed to disk, and only then is the
 * directory renamed to its final name: a crash at any moment leaves either the complete checkpoint or none, never a
 * partial one under a final name. Every file's SHA-256 is recorded in the manifest and checked on load.
 */
public final class CheckpointStore
{
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern NAME = Pattern.compile("step-(\\d{8,})");
    static final String MANIFEST = "manifest.json";
    static final String PARAMETERS = "parameters.bin";
    static final String OPTIMIZER = "optimizer.bin";
    /** The run's WordPiece vocabulary, so that a checkpoint is all a fine-tuning or an application needs. */
    public static final String VOCABULARY = "vocab.txt";
    private static final String FIRST_MOMENT = "#first";
    private static final String SECOND_MOMENT = "#second";

    /**
     * A test aid, {@code STEP:MILLIS}: when writing the checkpoint of step STEP, wait MILLIS milliseconds after its files
     * are written and before its directory is renamed into place, so that a test can kill the process in the middle of
     * writing a checkpoint.
     */
    public static final String PAUSE_BEFORE_RENAME_PROPERTY = "ernie4j.checkpoint.pause-before-rename";

    private final Path directory;
    private final int keep;
    private final ObjectMapper json;
    private final String pauseBeforeRename = System.getProperty(PAUSE_BEFORE_RENAME_PROPERTY, "");

    /**
     * @param directory where the checkpoints live
     * @param keep how many of the newest checkpoints to keep; older ones are deleted after a new one is complete
     */
    public CheckpointStore(Path directory, int keep)
    {
        this.directory = requireNonNull(directory, "directory is null");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
        this.keep = keep;
        this.json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public Path directory()
    {
        return directory;
    }

    /** The directory a checkpoint of {@code step} has. */
    public Path pathOf(long step)
    {
        return directory.resolve(String.format("step-%08d", step));
    }

    /** Writes a checkpoint atomically and returns its directory. */
    public Path write(TrainingSnapshot snapshot)
    {
        Path target = pathOf(snapshot.step());
        Path temporary = directory.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(directory);
            DirectoryTree.delete(temporary);
            Files.createDirectory(temporary);
            TensorFile.write(temporary.resolve(PARAMETERS), parameterTensors(snapshot.parameters()));
            TensorFile.write(temporary.resolve(OPTIMIZER), optimizerTensors(snapshot.optimizer()));
            Map<String, CheckpointManifest.FileDigest> files = new LinkedHashMap<>();
            files.put(PARAMETERS, digest(temporary.resolve(PARAMETERS)));
            files.put(OPTIMIZER, digest(temporary.resolve(OPTIMIZER)));
            if (snapshot.vocabulary().isPresent()) {
                Files.copy(snapshot.vocabulary().get(), temporary.resolve(VOCABULARY));
                files.put(VOCABULARY, digest(temporary.resolve(VOCABULARY)));
            }
            Map<String, Long> updates = new LinkedHashMap<>();
            snapshot.optimizer().forEach((name, moments) -> updates.put(name, moments.updates()));
            CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT_VERSION, snapshot.step(), snapshot.seed(),
                    snapshot.tasks(), snapshot.scheduleEvents(), snapshot.streams(), updates, snapshot.config(), snapshot.provenance(), files);
            json.writeValue(temporary.resolve(MANIFEST).toFile(), manifest);
            for (String file : files.keySet()) {
                force(temporary.resolve(file));
            }
            force(temporary.resolve(MANIFEST));
            pauseForTests(snapshot.step());
            replace(temporary, target);
            forceDirectory(directory);
        }
        catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("could not write checkpoint " + target + ": " + e.getMessage()
                    + " (earlier checkpoints are untouched)", e);
        }
        prune();
        return target;
    }

    private void pauseForTests(long step)
    {
        String[] parts = pauseBeforeRename.split(":");
        if (parts.length == 2 && parts[0].equals(Long.toString(step))) {
            try {
                Thread.sleep(Long.parseLong(parts[1]));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Deletes what interrupted writes left behind: temporary and set-aside directories. Call only while holding the run
     * lock, when no other process can be writing.
     */
    public List<Path> removeLeftovers()
    {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(path -> path.getFileName().toString().startsWith(".step-")).toList()) {
                DirectoryTree.delete(entry);
                removed.add(entry);
                LOG.info("removed {}, left by an interrupted checkpoint write", entry);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot clean up checkpoints in " + directory, e);
        }
        return removed;
    }

    /** Complete checkpoint directories, oldest first (not verified). */
    public List<Path> list()
    {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> NAME.matcher(path.getFileName().toString()).matches())
                    .filter(path -> Files.isRegularFile(path.resolve(MANIFEST)))
                    .sorted(Comparator.comparingLong(CheckpointStore::stepOf))
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not list checkpoints in " + directory, e);
        }
    }

    /**
     * The newest checkpoint that verifies. A newer one that does not verify is reported and skipped, never used.
     */
    public Optional<LoadedCheckpoint> latest()
    {
        return newestVerified(this::load);
    }

    /**
     * The parameters of the newest checkpoint whose parameters verify (see {@link #loadParameters}); a newer one whose
     * parameters do not is reported and skipped.
     */
    public Optional<CheckpointParameters> latestParameters()
    {
        return newestVerified(this::loadParameters);
    }

    private <T> Optional<T> newestVerified(Function<Path, T> loader)
    {
        List<Path> candidates = new ArrayList<>(list());
        for (int i = candidates.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(loader.apply(candidates.get(i)));
            }
            catch (CorruptCheckpointException e) {
                LOG.warn("{}; trying the previous checkpoint", e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Reads and verifies one checkpoint directory. */
    public LoadedCheckpoint load(Path checkpoint)
    {
        return readOrReport(checkpoint, () -> {
            CheckpointManifest manifest = verifiedManifest(checkpoint, file -> true);
            Map<String, INDArray> parameters = TensorFile.read(checkpoint.resolve(PARAMETERS));
            Map<String, AdamW.Moments> optimizer = optimizerState(TensorFile.read(checkpoint.resolve(OPTIMIZER)), manifest);
            return new LoadedCheckpoint(checkpoint, manifest, parameters, optimizer);
        });
    }

    /**
     * Reads and verifies the manifest and parameters of one checkpoint, for a model that is used or fine-tuned rather than
     * trained on: the optimizer's state, twice the parameters' size, is neither read nor verified, so loading an encoder
     * costs one copy of its parameters in memory instead of three.
     */
    public CheckpointParameters loadParameters(Path checkpoint)
    {
        return readOrReport(checkpoint, () -> {
            CheckpointManifest manifest = verifiedManifest(checkpoint, file -> !file.equals(OPTIMIZER));
            return new CheckpointParameters(checkpoint, manifest, TensorFile.read(checkpoint.resolve(PARAMETERS)));
        });
    }

    /** Reading a checkpoint's files, which may fail with an I/O error. */
    private interface CheckpointRead<T>
    {
        T read()
                throws IOException;
    }

    /** The read's result; a missing or unreadable file makes the checkpoint corrupt, named in the message. */
    private static <T> T readOrReport(Path checkpoint, CheckpointRead<T> read)
    {
        try {
            return read.read();
        }
        catch (NoSuchFileException e) {
            throw new CorruptCheckpointException(checkpoint, "missing file " + e.getFile(), e);
        }
        catch (IOException e) {
            throw new CorruptCheckpointException(checkpoint, e.getMessage(), e);
        }
    }

    /** The manifest, after checking its format and the digests of the files {@code verified} accepts. */
    private CheckpointManifest verifiedManifest(Path checkpoint, Predicate<String> verified)
            throws IOException
    {
        CheckpointManifest manifest = json.readValue(checkpoint.resolve(MANIFEST).toFile(), CheckpointManifest.class);
        if (manifest.formatVersion() != CheckpointManifest.FORMAT_VERSION) {
            throw new CorruptCheckpointException(checkpoint, "format version " + manifest.formatVersion()
                    + " is not the supported version " + CheckpointManifest.FORMAT_VERSION, null);
        }
        for (Map.Entry<String, CheckpointManifest.FileDigest> file : manifest.files().entrySet()) {
            if (!verified.test(file.getKey())) {
                continue;
            }
            CheckpointManifest.FileDigest actual = digest(checkpoint.resolve(file.getKey()));
            if (!actual.equals(file.getValue())) {
                throw new CorruptCheckpointException(checkpoint, file.getKey() + " has " + actual.bytes() + " bytes with SHA-256 "
                        + actual.sha256() + " but the manifest records " + file.getValue().bytes() + " bytes with SHA-256 "
                        + file.getValue().sha256(), null);
            }
        }
        return manifest;
    }

    private static Map<String, INDArray> parameterTensors(ModelParameters parameters)
    {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            tensors.put(name, parameters.get(name));
        }
        return tensors;
    }

    private static Map<String, INDArray> optimizerTensors(Map<String, AdamW.Moments> optimizer)
    {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        optimizer.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            tensors.put(entry.getKey() + FIRST_MOMENT, entry.getValue().first());
            tensors.put(entry.getKey() + SECOND_MOMENT, entry.getValue().second());
        });
        return tensors;
    }

    private static Map<String, AdamW.Moments> optimizerState(Map<String, INDArray> tensors, CheckpointManifest manifest)
            throws IOException
    {
        Map<String, AdamW.Moments> state = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : manifest.optimizerUpdates().entrySet()) {
            INDArray first = tensors.get(entry.getKey() + FIRST_MOMENT);
            INDArray second = tensors.get(entry.getKey() + SECOND_MOMENT);
            if (first == null || second == null) {
                throw new IOException("optimizer state of " + entry.getKey() + " is missing");
            }
            state.put(entry.getKey(), new AdamW.Moments(first, second, entry.getValue()));
        }
        return state;
    }

    private void prune()
    {
        List<Path> complete = list();
        for (int i = 0; i < complete.size() - keep; i++) {
            try {
                DirectoryTree.delete(complete.get(i));
            }
            catch (IOException e) {
                LOG.warn("could not delete old checkpoint {}: {}", complete.get(i), e.getMessage());
            }
        }
    }

    private static void replace(Path temporary, Path target)
            throws IOException
    {
        if (Files.exists(target)) {
            // Same step written again (a re-run): move the old one aside first so that a complete one always exists.
            Path aside = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            DirectoryTree.delete(aside);
            move(target, aside);
            move(temporary, target);
            DirectoryTree.delete(aside);
        }
        else {
            move(temporary, target);
        }
    }

    private static void move(Path from, Path to)
            throws IOException
    {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically; checkpoints need a local file system", e);
        }
    }

    static CheckpointManifest.FileDigest digest(Path file)
            throws IOException
    {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bytes = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) != -1) {
                bytes += read;
            }
        }
        return new CheckpointManifest.FileDigest(bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void force(Path file)
            throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceDirectory(Path directory)
    {
        // Makes the rename durable; not every platform lets a directory be opened, and that is not an error.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException ignored) {
            LOG.debug("could not sync directory {}", directory);
        }
    }

    private static long stepOf(Path checkpoint)
    {
        Matcher matcher = NAME.matcher(checkpoint.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a checkpoint directory: " + checkpoint);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static void deleteQuietly(Path path)
    {
        try {
            DirectoryTree.delete(path);
        }
        catch (IOException e) {
            LOG.warn("could not delete {}: {}", path, e.getMessage());
        }
    }
}
