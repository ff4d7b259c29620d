package org.ernie4j.core.pretrained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.checkpoint.CheckpointManifest;
import org.ernie4j.core.checkpoint.CheckpointStore;
import org.ernie4j.core.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.wordpiece.WordPieceVocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A pre-trained encoder read from a checkpoint: its shape, its vocabulary, its parameters and the tasks it learned.
 *
 * @param source the checkpoint directory
 */
public record PretrainedModel(Path source, EncoderConfig encoder, WordPieceVocabulary vocabulary, Map<String, INDArray> parameters,
        List<CheckpointManifest.TaskRecord> tasks)
{
    public PretrainedModel
    {
        requireNonNull(source, "source is null");
        requireNonNull(encoder, "encoder is null");
        requireNonNull(vocabulary, "vocabulary is null");
        parameters = Map.copyOf(parameters);
        tasks = List.copyOf(tasks);
    }

    /**
     * Reads a checkpoint directory, or the newest good checkpoint of a run directory.
     */
    public static PretrainedModel load(Path runOrCheckpoint)
    {
        Path checkpoints = runOrCheckpoint.resolve("checkpoints");
        LoadedCheckpoint checkpoint;
        if (Files.isDirectory(checkpoints)) {
            checkpoint = new CheckpointStore(checkpoints, Integer.MAX_VALUE).latest()
                    .orElseThrow(() -> new IllegalArgumentException("run directory " + runOrCheckpoint + " has no usable checkpoint"));
        }
        else if (Files.isRegularFile(runOrCheckpoint.resolve("manifest.json"))) {
            checkpoint = new CheckpointStore(runOrCheckpoint.toAbsolutePath().getParent(), Integer.MAX_VALUE).load(runOrCheckpoint);
        }
        else {
            throw new IllegalArgumentException(runOrCheckpoint + " is neither a run directory nor a checkpoint directory");
        }
        Path vocabularyFile = checkpoint.directory().resolve(CheckpointStore.VOCABULARY);
        if (!Files.isRegularFile(vocabularyFile)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + " has no " + CheckpointStore.VOCABULARY
                    + "; it was written by an older ernie4j");
        }
        WordPieceVocabulary vocabulary = WordPieceVocabulary.load(vocabularyFile);
        ErnieConfig config = new ConfigLoader().fromJson(checkpoint.manifest().config(), checkpoint.directory() + "/manifest.json");
        EncoderConfig encoder = config.model().encoder(vocabulary.size());
        return new PretrainedModel(checkpoint.directory(), encoder, vocabulary, checkpoint.parameters(), checkpoint.manifest().tasks());
    }

    /** The encoder's parameters (no task heads), as float32 copies ready to train or run. */
    public ModelParameters encoderParameters()
    {
        ModelParameters copy = new ModelParameters(DataType.FLOAT);
        for (ParameterSpec spec : EncoderLayout.parameters(encoder)) {
            INDArray stored = parameters.get(spec.name());
            if (stored == null) {
                throw new IllegalArgumentException("checkpoint " + source + " has no parameter " + spec.name());
            }
            copy.add(spec, stored.castTo(DataType.FLOAT).dup());
        }
        return copy;
    }
}
