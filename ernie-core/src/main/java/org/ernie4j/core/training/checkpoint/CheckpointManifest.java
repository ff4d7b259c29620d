package org.ernie4j.core.training.checkpoint;

import java.util.List;
import java.util.Map;

import org.ernie4j.core.training.data.StreamPosition;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * What a checkpoint directory holds besides its tensors: where training stood, the task table, the configuration that
 * produced it, where it came from, and the checksum of every file.
 *
 * @param formatVersion the checkpoint format
 * @param step completed training steps
 * @param seed the run seed
 * @param tasks the task table, in order of introduction
 * @param scheduleEvents tasks that joined or left while training ran, in order
 * @param streams each task's data position
 * @param optimizerUpdates per parameter, the number of optimizer updates it has had
 * @param config the resolved run configuration
 * @param provenance versions, corpus and vocabulary fingerprints, time
 * @param files each file of the checkpoint with its size and SHA-256
 */
public record CheckpointManifest(
        int formatVersion,
        long step,
        long seed,
        List<TaskRecord> tasks,
        List<ScheduleEvent> scheduleEvents,
        Map<String, StreamPosition> streams,
        Map<String, Long> optimizerUpdates,
        JsonNode config,
        Provenance provenance,
        Map<String, FileDigest> files)
{
    public static final int FORMAT_VERSION = 1;

    public CheckpointManifest
    {
        requireNonNull(tasks, "tasks is null");
        requireNonNull(streams, "streams is null");
        requireNonNull(optimizerUpdates, "optimizerUpdates is null");
        requireNonNull(config, "config is null");
        requireNonNull(provenance, "provenance is null");
        requireNonNull(files, "files is null");
        tasks = List.copyOf(tasks);
        scheduleEvents = scheduleEvents == null ? List.of() : List.copyOf(scheduleEvents);
        streams = Map.copyOf(streams);
        optimizerUpdates = Map.copyOf(optimizerUpdates);
        files = Map.copyOf(files);
    }

    /**
     * A task as recorded in a checkpoint.
     *
     * @param name the task's name
     * @param taskId its task embedding row
     * @param introducedAtStep the step at which it joined the run
     * @param head a description of its head, compared when the run resumes
     * @param implementation the class that implemented it
     * @param origin {@code configured} for a task of the configuration, else where it came from, such as the plugin jar
     * @param retiredAtStep the step at which it left the schedule, or null while it trains
     */
    public record TaskRecord(String name, int taskId, long introducedAtStep, String head, String implementation, String origin,
            Long retiredAtStep)
    {
        public static final String CONFIGURED = "configured";

        public boolean configured()
        {
            return origin == null || CONFIGURED.equals(origin);
        }
    }

    /**
     * Where a checkpoint came from.
     */
    public record Provenance(String ernie4jVersion, String nd4jVersion, String javaVersion, String createdAt,
            String corpusFingerprint, String vocabularySha256)
    {
    }

    /** A file's size and SHA-256. */
    public record FileDigest(long bytes, String sha256)
    {
    }
}
