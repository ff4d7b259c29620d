package org.ernie4j.core.training.checkpoint;

import java.nio.file.Path;
import java.util.Map;

import org.ernie4j.core.model.optim.AdamW;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A checkpoint read back and verified: its manifest, its parameter tensors and its optimizer state.
 */
public record LoadedCheckpoint(Path directory, CheckpointManifest manifest, Map<String, INDArray> parameters,
        Map<String, AdamW.Moments> optimizer)
{
    public LoadedCheckpoint
    {
        requireNonNull(directory, "directory is null");
        requireNonNull(manifest, "manifest is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(optimizer, "optimizer is null");
    }
}
