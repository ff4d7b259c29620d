package org.ernie4j.core.train;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.checkpoint.CheckpointManifest;
import org.ernie4j.core.checkpoint.LoadedCheckpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Refuses to resume from a checkpoint that belongs to another run: other tasks, another model shape, another seed,
 * another corpus or vocabulary. Each problem is named; all are reported at once.
 */
final class ResumeCheck
{
    private final SessionSetup setup;
    private final LoadedCheckpoint checkpoint;

    ResumeCheck(SessionSetup setup, LoadedCheckpoint checkpoint)
    {
        this.setup = setup;
        this.checkpoint = checkpoint;
    }

    void verify()
    {
        CheckpointManifest manifest = checkpoint.manifest();
        List<String> problems = new ArrayList<>();
        List<String> configured = setup.tasks().stream().map(TaskSetup::name).toList();
        List<String> recorded = manifest.tasks().stream().map(CheckpointManifest.TaskRecord::name).toList();
        if (!configured.equals(recorded)) {
            problems.add("the checkpoint's tasks are " + recorded + " but the configuration has " + configured);
        }
        if (manifest.seed() != setup.training().seed()) {
            problems.add("the checkpoint's seed is " + manifest.seed() + " but the configuration's is " + setup.training().seed());
        }
        JsonNode storedModel = manifest.config().path("model");
        JsonNode configuredModel = setup.resolvedConfig().path("model");
        if (!storedModel.isMissingNode() && !storedModel.equals(configuredModel)) {
            problems.add("the model configuration differs: checkpoint " + storedModel + ", configuration " + configuredModel);
        }
        if (!manifest.provenance().vocabularySha256().equals(setup.corpus().vocabularySha256())) {
            problems.add("the vocabulary differs from the one the checkpoint was trained with (SHA-256 "
                    + manifest.provenance().vocabularySha256() + ", now " + setup.corpus().vocabularySha256() + ")");
        }
        if (!manifest.provenance().corpusFingerprint().equals(setup.corpus().corpusFingerprint())) {
            problems.add("the corpus differs from the one the checkpoint was trained on (fingerprint "
                    + manifest.provenance().corpusFingerprint() + ", now " + setup.corpus().corpusFingerprint() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot resume from " + checkpoint.directory() + ": " + String.join("; ", problems));
        }
    }
}
