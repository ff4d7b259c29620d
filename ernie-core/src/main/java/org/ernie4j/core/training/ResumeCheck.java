package org.ernie4j.core.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Refuses to resume from a checkpoint that belongs to another run: other tasks, another model shape, another seed,
 * another corpus or vocabulary. Each problem is named; all are reported at once. What the configuration alone decides
 * can be checked before the corpus is read ({@link #checkConfiguration}).
 */
public final class ResumeCheck
{
    /** A checkpoint's configuration comes back from JSON with ints where the live one has longs: compare by value. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (first, second) -> {
        if (first.isNumber() && second.isNumber()) {
            return first.decimalValue().compareTo(second.decimalValue());
        }
        return first.equals(second) ? 0 : 1;
    };

    private final SessionSetup setup;
    private final LoadedCheckpoint checkpoint;

    ResumeCheck(SessionSetup setup, LoadedCheckpoint checkpoint)
    {
        this.setup = setup;
        this.checkpoint = checkpoint;
    }

    /**
     * Checks what a configuration alone decides: the configured tasks, the seed, the model, the schedule and the data
     * split.
     *
     * @param taskNames the configured tasks, in order
     * @param resolvedConfig the configuration with every default filled in, as checkpoints record it
     * @throws IllegalArgumentException naming every difference
     */
    public static void checkConfiguration(LoadedCheckpoint checkpoint, List<String> taskNames, long seed, JsonNode resolvedConfig)
    {
        refuseIfAny(checkpoint, configurationProblems(checkpoint.manifest(), taskNames, seed, resolvedConfig));
    }

    void verify()
    {
        CheckpointManifest manifest = checkpoint.manifest();
        List<String> problems = configurationProblems(manifest, setup.tasks().stream().map(TaskSetup::name).toList(), setup.training().seed(),
                setup.resolvedConfig());
        if (!manifest.provenance().vocabularySha256().equals(setup.corpus().vocabularySha256())) {
            problems.add("the vocabulary differs from the one the checkpoint was trained with (SHA-256 "
                    + manifest.provenance().vocabularySha256() + ", now " + setup.corpus().vocabularySha256() + ")");
        }
        if (!manifest.provenance().corpusFingerprint().equals(setup.corpus().corpusFingerprint())) {
            problems.add("the corpus differs from the one the checkpoint was trained on (fingerprint "
                    + manifest.provenance().corpusFingerprint() + ", now " + setup.corpus().corpusFingerprint() + ")");
        }
        refuseIfAny(checkpoint, problems);
    }

    private static List<String> configurationProblems(CheckpointManifest manifest, List<String> configured, long seed, JsonNode resolvedConfig)
    {
        List<String> problems = new ArrayList<>();
        List<String> recorded = manifest.tasks().stream().filter(CheckpointManifest.TaskRecord::configured)
                .map(CheckpointManifest.TaskRecord::name).toList();
        if (!configured.equals(recorded)) {
            problems.add("the checkpoint's configured tasks are " + recorded + " but the configuration has " + configured);
        }
        if (manifest.seed() != seed) {
            problems.add("the checkpoint's seed is " + manifest.seed() + " but the configuration's is " + seed);
        }
        // What decides the parameters' shapes, the order of the steps and the documents trained on must not change.
        for (String section : List.of("model", "schedule", "evaluation/held-out", "training/steps-per-task", "training/batch-size")) {
            JsonNode stored = manifest.config().at("/" + section);
            JsonNode current = resolvedConfig.at("/" + section);
            if (!stored.isMissingNode() && !stored.equals(NUMBERS_BY_VALUE, current)) {
                differences(section.replace('/', '.'), stored, current, problems);
            }
        }
        return problems;
    }

    private static void refuseIfAny(LoadedCheckpoint checkpoint, List<String> problems)
    {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot resume from " + checkpoint.directory() + ": " + String.join("; ", problems));
        }
    }

    /** One problem per key whose value differs, rather than two whole sections to compare by eye. */
    private static void differences(String path, JsonNode stored, JsonNode current, List<String> problems)
    {
        if (stored.isObject() && current.isObject()) {
            Set<String> keys = new TreeSet<>();
            stored.fieldNames().forEachRemaining(keys::add);
            current.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode before = stored.path(key);
                JsonNode now = current.path(key);
                if (!before.equals(NUMBERS_BY_VALUE, now)) {
                    differences(path + "." + key, before, now, problems);
                }
            }
            return;
        }
        problems.add(path + " is " + value(current) + " but the checkpoint was trained with " + value(stored));
    }

    private static String value(JsonNode node)
    {
        return node.isMissingNode() ? "not set" : node.isTextual() ? node.asText() : node.toString();
    }
}
