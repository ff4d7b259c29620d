package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Writes a pre-trained ernie4j encoder in the Hugging Face BERT/ERNIE layout: {@code model.safetensors} (float32, the
 * names of {@link BertParameterNames}, dense weights {@code [out, in]}), {@code config.json}, {@code vocab.txt} and the
 * tokenizer (vocabulary and settings) as {@code tokenizer.json}. The
 * task embedding is written as ERNIE's {@code embeddings.task_type_embeddings}, so the config says {@code ernie}.
 *
 * <p>A masked-token head is written as BERT's {@code cls.predictions} only when asked, naming its task: a run can have
 * several, and which one a user wants beside the encoder is theirs to say.
 */
@PublicApi
public final class WeightExport
{
    private final Optional<String> maskedLmTask;

    /** @param maskedLmTask the task whose masked-token head to write as {@code cls.predictions}, or empty for the encoder alone */
    public WeightExport(Optional<String> maskedLmTask)
    {
        this.maskedLmTask = requireNonNull(maskedLmTask, "maskedLmTask is null");
    }

    /** Writes the four files into {@code directory} (created if needed; existing files of those names are refused). */
    public void write(PretrainedModel model, Path directory)
    {
        requireNonNull(model, "model is null");
        requireNonNull(directory, "directory is null");
        refuseExisting(directory, List.of(WeightImport.WEIGHTS, WeightImport.CONFIG, WeightImport.VOCABULARY, TokenizerJson.FILE));
        List<BertParameterNames.Mapping> mappings = new ArrayList<>(BertParameterNames.encoder(model.encoder()));
        maskedLmTask.ifPresent(task -> mappings.addAll(BertParameterNames.maskedLmHead(task)));
        List<String> missing = new ArrayList<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (BertParameterNames.Mapping mapping : mappings) {
            INDArray value = model.parameters().get(mapping.ours());
            if (value == null) {
                missing.add("has no parameter " + mapping.ours() + (maskedLmTask.isPresent() && mapping.theirs().startsWith("cls.")
                        ? " (is " + maskedLmTask.get() + " a task with a masked-token head?)" : ""));
                continue;
            }
            tensors.put(mapping.theirs(), TensorLayout.toTensor(value, mapping.transposed()));
        }
        if (!missing.isEmpty()) {
            throw new InteropException(model.source(), missing);
        }
        try {
            Files.createDirectories(directory);
            new SafetensorsFile(tensors, Map.of("format", "pt")).write(directory.resolve(WeightImport.WEIGHTS));
            BertConfigJson.of(model.encoder()).write(directory.resolve(WeightImport.CONFIG), model.vocabulary().padId());
            model.vocabulary().save(directory.resolve(WeightImport.VOCABULARY));
            // The tokenizer's settings travel too: a cased model exported and imported again must stay cased.
            TokenizerJson.write(model.vocabulary(), directory.resolve(TokenizerJson.FILE));
        }
        catch (IOException e) {
            throw new InteropException(directory, "cannot be written: " + e.getMessage(), e);
        }
    }

    /** An export never overwrites: any of {@code names} already in {@code directory} is an error. */
    static void refuseExisting(Path directory, List<String> names)
    {
        for (String name : names) {
            if (Files.exists(directory.resolve(name))) {
                throw new InteropException(directory.resolve(name), "already exists; export into a new directory (nothing is overwritten)");
            }
        }
    }
}
