package org.ernie4j.core.training.checkpoint;

import java.nio.file.Path;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A checkpoint's manifest and parameter tensors, read back and verified without its optimizer state: what a model that
 * is used or fine-tuned needs. Training resumes only from a {@link LoadedCheckpoint}, which has the optimizer's moments.
 */
public record CheckpointParameters(Path directory, CheckpointManifest manifest, Map<String, INDArray> parameters)
{
    public CheckpointParameters
    {
        requireNonNull(directory, "directory is null");
        requireNonNull(manifest, "manifest is null");
        requireNonNull(parameters, "parameters is null");
    }
}
