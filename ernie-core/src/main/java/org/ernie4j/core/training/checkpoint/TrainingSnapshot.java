package org.ernie4j.core.training.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.training.data.StreamPosition;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * Everything a checkpoint stores, as the trainer holds it at a step boundary.
 */
public record TrainingSnapshot(
        long step,
        long seed,
        ModelParameters parameters,
        Map<String, AdamW.Moments> optimizer,
        List<CheckpointManifest.TaskRecord> tasks,
        List<ScheduleEvent> scheduleEvents,
        Map<String, StreamPosition> streams,
        JsonNode config,
        CheckpointManifest.Provenance provenance,
        Optional<Path> vocabulary)
{
    public TrainingSnapshot
    {
        requireNonNull(vocabulary, "vocabulary is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(optimizer, "optimizer is null");
        requireNonNull(tasks, "tasks is null");
        requireNonNull(scheduleEvents, "scheduleEvents is null");
        requireNonNull(streams, "streams is null");
        requireNonNull(config, "config is null");
        requireNonNull(provenance, "provenance is null");
    }
}
