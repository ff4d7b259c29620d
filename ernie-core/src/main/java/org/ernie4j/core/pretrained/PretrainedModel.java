package org.ernie4j.core.pretrained;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.CheckpointParameters;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static java.util.Objects.requireNonNull;

/**
 * A pre-trained encoder read from a checkpoint: its shape, its vocabulary, its parameters and the tasks it learned.
 *
 * @param source the checkpoint directory
 */
@PublicApi
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
        // Parameters only: a model that is used or fine-tuned needs no optimizer state, which is twice as large.
        CheckpointParameters checkpoint;
        if (Files.isDirectory(checkpoints)) {
            checkpoint = new CheckpointStore(checkpoints, Integer.MAX_VALUE).latestParameters()
                    .orElseThrow(() -> new IllegalArgumentException("run directory " + runOrCheckpoint + " has no usable checkpoint"));
        }
        else if (Files.isRegularFile(runOrCheckpoint.resolve("manifest.json"))) {
            checkpoint = new CheckpointStore(runOrCheckpoint.toAbsolutePath().getParent(), Integer.MAX_VALUE).loadParameters(runOrCheckpoint);
        }
        else {
            throw new IllegalArgumentException(runOrCheckpoint + " is neither a run directory nor a checkpoint directory");
        }
        Path vocabularyFile = checkpoint.directory().resolve(CheckpointStore.VOCABULARY);
        if (!Files.isRegularFile(vocabularyFile)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + " has no " + CheckpointStore.VOCABULARY
                    + "; it was written by an older ernie4j");
        }
        ErnieConfig config = new ConfigLoader().fromJson(checkpoint.manifest().config(), checkpoint.directory() + "/manifest.json");
        // An imported model records its own tokenizer's settings; ernie4j's runs record uncased BERT's.
        WordPieceVocabulary vocabulary = WordPieceVocabulary.load(vocabularyFile).withSettings(config.vocabulary().tokenizer());
        EncoderConfig encoder = config.model().encoder(vocabulary.size());
        return new PretrainedModel(checkpoint.directory(), encoder, vocabulary, checkpoint.parameters(), checkpoint.manifest().tasks());
    }

    /**
     * The {@code vocab.txt} of a checkpoint directory, or of the newest checkpoint of a run directory, without reading the
     * tensors: a corpus must be prepared with it before a run can start from the model ({@link #load} then verifies).
     */
    public static Path vocabularyFile(Path runOrCheckpoint)
    {
        Path checkpoint = newestCheckpoint(runOrCheckpoint);
        Path vocabulary = checkpoint.resolve(CheckpointStore.VOCABULARY);
        if (!Files.isRegularFile(vocabulary)) {
            throw new IllegalArgumentException(runOrCheckpoint + " is neither a run directory nor a checkpoint directory with a "
                    + CheckpointStore.VOCABULARY);
        }
        return vocabulary;
    }

    /**
     * The vocabulary and tokenizer settings the model reads text with, from a checkpoint directory or the newest
     * checkpoint of a run directory, without reading the tensors.
     */
    public static WordPieceVocabulary readingVocabulary(Path runOrCheckpoint)
    {
        return WordPieceVocabulary.load(vocabularyFile(runOrCheckpoint)).withSettings(tokenizerSettings(runOrCheckpoint));
    }

    /**
     * The settings of the tokenizer the model reads text with (uncased BERT's unless it was imported with others), from the
     * configuration in the manifest of a checkpoint directory or of the newest checkpoint of a run directory, without
     * reading the tensors.
     */
    public static TokenizerSettings tokenizerSettings(Path runOrCheckpoint)
    {
        Path manifest = newestCheckpoint(runOrCheckpoint).resolve("manifest.json");
        try {
            JsonNode config = new ObjectMapper().readTree(manifest.toFile()).path("config");
            return new ConfigLoader().fromJson(config, manifest.toString()).vocabulary().tokenizer();
        }
        catch (IOException e) {
            throw new IllegalArgumentException(runOrCheckpoint + " has no readable checkpoint manifest: " + e.getMessage(), e);
        }
    }

    private static Path newestCheckpoint(Path runOrCheckpoint)
    {
        Path checkpoints = runOrCheckpoint.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return runOrCheckpoint;
        }
        List<Path> complete = new CheckpointStore(checkpoints, Integer.MAX_VALUE).list();
        if (complete.isEmpty()) {
            throw new IllegalArgumentException("run directory " + runOrCheckpoint + " has no checkpoint");
        }
        return complete.get(complete.size() - 1);
    }

    /**
     * How {@code wanted} differs from this model in what decides the parameters' shapes and the function they compute, as
     * configuration keys with this model's values; empty when a run of {@code wanted} can start from these weights.
     * Dropout and the initializer range only matter while training from scratch and may differ.
     */
    public List<String> differences(EncoderConfig wanted)
    {
        List<String> differences = new ArrayList<>();
        difference(differences, "vocabulary (pieces)", wanted.vocabularySize(), encoder.vocabularySize());
        difference(differences, "model.hidden", wanted.hidden(), encoder.hidden());
        difference(differences, "model.layers", wanted.layers(), encoder.layers());
        difference(differences, "model.heads", wanted.heads(), encoder.heads());
        difference(differences, "model.intermediate", wanted.intermediate(), encoder.intermediate());
        difference(differences, "model.max-positions", wanted.maxPositions(), encoder.maxPositions());
        difference(differences, "model.segment-types", wanted.segmentTypes(), encoder.segmentTypes());
        difference(differences, "model.task-types", wanted.taskTypes(), encoder.taskTypes());
        difference(differences, "model.layer-norm-epsilon", wanted.layerNormEpsilon(), encoder.layerNormEpsilon());
        difference(differences, "model.activation", wanted.activation(), encoder.activation());
        return differences;
    }

    private static void difference(List<String> differences, String key, Object wanted, Object actual)
    {
        if (!wanted.equals(actual)) {
            differences.add(key + " is " + wanted + " but the model's is " + actual);
        }
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
