package org.ernie4j.core.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.support.DirectoryTree;
import org.ernie4j.core.support.Versions;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.TrainingSnapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * Writes an imported model as an ernie4j checkpoint directory of step 0 (parameters, an empty optimizer state, the
 * vocabulary, a manifest whose configuration has the imported model's shape), so that everything that starts from a
 * pre-trained encoder takes it as it is: {@code finetune}'s {@code model:}, {@code training.initialize-from} of a
 * pre-training run, {@code TextEncoder}, {@code export}. It is written beside the target and renamed into place, so a
 * failed import leaves nothing under the target's name.
 */
@PublicApi
public final class ImportedCheckpoint
{
    /** The corpus fingerprint of an imported checkpoint: it was trained elsewhere, on data ernie4j never saw. */
    public static final String IMPORTED = "imported:";

    private final ConfigLoader loader;

    public ImportedCheckpoint(ConfigLoader loader)
    {
        this.loader = requireNonNull(loader, "loader is null");
    }

    public Path write(ImportedModel model, Path target)
    {
        requireNonNull(model, "model is null");
        requireNonNull(target, "target is null");
        if (Files.exists(target)) {
            throw new InteropException(target, "already exists; choose a new directory (nothing is overwritten)");
        }
        Path absolute = target.toAbsolutePath().normalize();
        Path staging = absolute.resolveSibling("." + absolute.getFileName() + ".import-" + ProcessHandle.current().pid());
        // The vocabulary may come from a tokenizer.json rather than a vocab.txt: written out once, beside the staging directory.
        Path vocabulary = absolute.resolveSibling("." + absolute.getFileName() + ".vocab-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(absolute.getParent());
            DirectoryTree.delete(staging);
            model.vocabulary().save(vocabulary);
            CheckpointManifest.Provenance provenance = new CheckpointManifest.Provenance(Versions.ernie4j(), Versions.nd4j(),
                    System.getProperty("java.version"), Instant.now().toString(), IMPORTED + model.weightsSha256(),
                    WeightImport.sha256(vocabulary));
            Path written = new CheckpointStore(staging, 1).write(new TrainingSnapshot(0, 0, model.parameters(), Map.of(), List.of(), List.of(),
                    Map.of(), configuration(model.encoder(), model.vocabulary().settings()), provenance, Optional.of(vocabulary)));
            Files.move(written, absolute, StandardCopyOption.ATOMIC_MOVE);
            DirectoryTree.delete(staging);
            Files.delete(vocabulary);
            return absolute;
        }
        catch (IOException e) {
            throw new InteropException(target, "cannot be written: " + e.getMessage(), e);
        }
        catch (UncheckedIOException e) {
            throw new InteropException(target, "cannot be written: " + e.getMessage(), e);
        }
    }

    /** The default configuration with the imported model's shape and tokenizer, validated as any configuration is. */
    private JsonNode configuration(EncoderConfig encoder, TokenizerSettings tokenizer)
    {
        ObjectNode root = (ObjectNode) loader.resolved(ErnieConfig.defaults());
        ObjectNode vocabulary = (ObjectNode) root.get("vocabulary");
        vocabulary.put("lowercase", tokenizer.lowercase());
        vocabulary.put("strip-accents", tokenizer.stripAccents());
        vocabulary.put("split-cjk", tokenizer.splitCjk());
        vocabulary.put("clean-text", tokenizer.cleanText());
        vocabulary.put("max-word-length", tokenizer.maxWordLength());
        vocabulary.put("max-length", tokenizer.maxLength().orElse(0));
        ObjectNode model = (ObjectNode) root.get("model");
        model.put("hidden", encoder.hidden());
        model.put("layers", encoder.layers());
        model.put("heads", encoder.heads());
        model.put("intermediate", encoder.intermediate());
        model.put("max-positions", encoder.maxPositions());
        model.put("segment-types", encoder.segmentTypes());
        model.put("task-types", encoder.taskTypes());
        model.put("dropout", encoder.dropout());
        model.put("layer-norm-epsilon", encoder.layerNormEpsilon());
        model.put("activation", encoder.activation() == Activation.GELU_ERF ? "gelu-erf" : "gelu-tanh");
        model.put("initializer-range", encoder.initializerRange());
        ObjectNode training = (ObjectNode) root.get("training");
        training.put("sequence-length", Math.min(training.get("sequence-length").asInt(), encoder.maxPositions()));
        // Read back through the loader: what lands in the manifest is a configuration ernie4j accepts.
        return loader.resolved(loader.fromJson(root, "the configuration of an imported model"));
    }
}
