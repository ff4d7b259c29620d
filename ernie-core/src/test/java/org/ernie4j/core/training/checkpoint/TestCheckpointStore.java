package org.ernie4j.core.training.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.training.data.StreamPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCheckpointStore
{
    @TempDir
    Path directory;

    @Test
    void roundTripsEveryTensorAndKeepsTheNewest()
    {
        CheckpointStore store = new CheckpointStore(directory, 2);
        for (long step = 10; step <= 40; step += 10) {
            store.write(snapshot(step));
        }
        assertThat(store.list()).extracting(path -> path.getFileName().toString()).containsExactly("step-00000030", "step-00000040");
        LoadedCheckpoint loaded = store.latest().orElseThrow();
        assertThat(loaded.manifest().step()).isEqualTo(40);
        assertThat(loaded.parameters().get("weight").shape()).containsExactly(2, 3);
        assertThat(loaded.parameters().get("weight").reshape(6).toFloatVector()).containsExactly(40f, 41f, 42f, 43f, 44f, 45f);
        assertThat(loaded.optimizer().get("weight").updates()).isEqualTo(40);
        assertThat(loaded.manifest().streams().get("task").epoch()).isEqualTo(4);
    }

    @Test
    void aCorruptedNewestCheckpointIsDetectedAndThePreviousOneIsUsed()
            throws IOException
    {
        CheckpointStore store = new CheckpointStore(directory, 3);
        Path newest = writeTwo(store);
        flipABit(newest.resolve(CheckpointStore.PARAMETERS));

        assertThatThrownBy(() -> store.load(newest))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("checkpoint " + newest + " is not usable: parameters.bin has")
                .hasMessageContaining("SHA-256");
        assertThat(store.latest().orElseThrow().manifest().step()).isEqualTo(10);
    }

    @Test
    void aTruncatedOrMissingFileIsDetected()
            throws IOException
    {
        CheckpointStore store = new CheckpointStore(directory, 3);
        Path newest = writeTwo(store);
        long half = cutInHalf(newest.resolve(CheckpointStore.OPTIMIZER));
        assertThatThrownBy(() -> store.load(newest)).hasMessageContaining("optimizer.bin has " + half + " bytes");
        Files.delete(newest.resolve(CheckpointStore.OPTIMIZER));
        assertThatThrownBy(() -> store.load(newest)).hasMessageContaining("missing file");
        assertThat(store.latest().orElseThrow().manifest().step()).isEqualTo(10);
    }

    @Test
    void parametersAloneAreReadWithoutTheOptimizerStateAndStillVerified()
            throws IOException
    {
        CheckpointStore store = new CheckpointStore(directory, 3);
        Path newest = writeTwo(store);
        // A damaged optimizer state stops a resume, but not a model that is only used.
        cutInHalf(newest.resolve(CheckpointStore.OPTIMIZER));
        assertThatThrownBy(() -> store.load(newest)).hasMessageContaining("optimizer.bin has");
        CheckpointParameters parameters = store.latestParameters().orElseThrow();
        assertThat(parameters.directory()).isEqualTo(newest);
        assertThat(parameters.manifest().step()).isEqualTo(20);
        assertThat(parameters.parameters().get("weight").reshape(6).toFloatVector()).containsExactly(20f, 21f, 22f, 23f, 24f, 25f);

        flipABit(newest.resolve(CheckpointStore.PARAMETERS));
        assertThatThrownBy(() -> store.loadParameters(newest)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("parameters.bin has");
        assertThat(store.latestParameters().orElseThrow().manifest().step()).isEqualTo(10);
    }

    @Test
    void leftoversOfAnInterruptedWriteAreRemovedAndNeverListed()
            throws IOException
    {
        CheckpointStore store = new CheckpointStore(directory, 3);
        store.write(snapshot(10));
        Path partial = Files.createDirectories(directory.resolve(".step-00000020.tmp-4242"));
        Files.writeString(partial.resolve(CheckpointStore.MANIFEST), "{}");
        assertThat(store.list()).extracting(path -> path.getFileName().toString()).containsExactly("step-00000010");
        assertThat(store.removeLeftovers()).containsExactly(partial);
        assertThat(partial).doesNotExist();
    }

    /** Writes the checkpoints of steps 10 and 20; returns the newer one's directory. */
    private static Path writeTwo(CheckpointStore store)
    {
        store.write(snapshot(10));
        return store.write(snapshot(20));
    }

    /** Keeps the first half of a file; returns its new length. */
    private static long cutInHalf(Path file)
            throws IOException
    {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        return bytes.length / 2;
    }

    /** Flips one bit near the end of a file, keeping its length. */
    private static void flipABit(Path file)
            throws IOException
    {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(file, bytes);
    }

    private static TrainingSnapshot snapshot(long step)
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        parameters.add(new ParameterSpec("weight", new long[] {2, 3}, Initialization.ZEROS, true),
                Nd4j.createFromArray(new float[] {step, step + 1, step + 2, step + 3, step + 4, step + 5}).reshape(2, 3));
        AdamW.Moments moments = new AdamW.Moments(Nd4j.ones(DataType.FLOAT, 2, 3), Nd4j.zeros(DataType.FLOAT, 2, 3), step);
        return new TrainingSnapshot(step, 1, parameters, Map.of("weight", moments), List.of(), List.of(),
                Map.of("task", new StreamPosition(step / 10, 0, 0, List.of())), JsonNodeFactory.instance.objectNode(),
                new CheckpointManifest.Provenance("test", "test", "17", "now", "corpus", "vocabulary"), Optional.empty());
    }
}
