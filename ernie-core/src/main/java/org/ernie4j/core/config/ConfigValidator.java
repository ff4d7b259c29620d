package org.ernie4j.core.config;

import java.util.HashSet;
import java.util.Set;

import org.ernie4j.core.training.schedule.ScheduleKind;

/**
 * Checks the combinations that no single key can: sizes that must divide, lengths that must fit. The first problem is
 * reported with the path of the key to change.
 */
final class ConfigValidator
{
    private final ErnieConfig config;

    ConfigValidator(ErnieConfig config)
    {
        this.config = config;
    }

    void validate()
    {
        ModelSection model = config.model();
        positive("model.hidden", model.hidden());
        positive("model.layers", model.layers());
        positive("model.heads", model.heads());
        positive("model.intermediate", model.intermediate());
        positive("model.max-positions", model.maxPositions());
        positive("model.segment-types", model.segmentTypes());
        positive("model.task-types", model.taskTypes());
        if (model.hidden() % model.heads() != 0) {
            throw new ConfigException("model.heads", "hidden size " + model.hidden() + " is not divisible by " + model.heads() + " heads");
        }
        if (!(model.dropout() >= 0 && model.dropout() < 1)) {
            throw new ConfigException("model.dropout", model.dropout() + " is not in [0, 1)");
        }
        if (!(model.layerNormEpsilon() > 0)) {
            throw new ConfigException("model.layer-norm-epsilon", "must be positive");
        }
        if (!(model.initializerRange() > 0)) {
            throw new ConfigException("model.initializer-range", "must be positive");
        }
        model.activationFunction();

        TrainingSection training = config.training();
        training.engineKind();
        positive("training.batch-size", training.batchSize());
        positive("training.steps-per-task", training.stepsPerTask());
        positive("training.open-documents", training.openDocuments());
        positive("training.checkpoint-every", training.checkpointEvery());
        positive("training.keep-checkpoints", training.keepCheckpoints());
        if (training.batchesAhead() < 0) {
            throw new ConfigException("training.batches-ahead", "must not be negative (0 builds each batch when it is needed)");
        }
        if (training.sequenceLength() < 8) {
            throw new ConfigException("training.sequence-length", training.sequenceLength() + " is too short; use at least 8");
        }
        if (training.sequenceLength() > model.maxPositions()) {
            throw new ConfigException("training.sequence-length", training.sequenceLength() + " is longer than the position table (model.max-positions: "
                    + model.maxPositions() + ")");
        }
        if (!(training.learningRate() > 0)) {
            throw new ConfigException("training.learning-rate", "must be positive");
        }
        if (!(training.warmupFraction() >= 0 && training.warmupFraction() < 1)) {
            throw new ConfigException("training.warmup-fraction", training.warmupFraction() + " is not in [0, 1)");
        }
        if (!(training.weightDecay() >= 0)) {
            throw new ConfigException("training.weight-decay", "must not be negative");
        }
        if (!(training.clipNorm() >= 0)) {
            throw new ConfigException("training.clip-norm", "must not be negative (0 disables clipping)");
        }
        if (!(training.beta1() >= 0 && training.beta1() < 1)) {
            throw new ConfigException("training.beta1", "must be in [0, 1)");
        }
        if (!(training.beta2() >= 0 && training.beta2() < 1)) {
            throw new ConfigException("training.beta2", "must be in [0, 1)");
        }
        if (!(training.epsilon() > 0)) {
            throw new ConfigException("training.epsilon", "must be positive");
        }
        if (training.stepsPerTask() < config.tasks().size() + 1) {
            throw new ConfigException("training.steps-per-task", "must be at least the number of tasks plus one ("
                    + (config.tasks().size() + 1) + ") so that every stage trains every introduced task");
        }

        if (config.vocabulary().file() == null && config.vocabulary().size() < 100) {
            throw new ConfigException("vocabulary.size", config.vocabulary().size() + " is too small; use at least 100");
        }
        if (config.vocabulary().maxWordLength() < 1) {
            throw new ConfigException("vocabulary.max-word-length", config.vocabulary().maxWordLength() + " is not positive");
        }
        if (config.vocabulary().maxDistinctWords() < 2) {
            throw new ConfigException("vocabulary.max-distinct-words", config.vocabulary().maxDistinctWords() + " is too small; use at least 2");
        }
        if (config.vocabulary().maxLength() != 0 && config.vocabulary().maxLength() < 2) {
            throw new ConfigException("vocabulary.max-length", config.vocabulary().maxLength() + " leaves no room for [CLS] and [SEP]; 0 for the"
                    + " model's position table");
        }
        positive("corpus.threads", config.corpus().threads());
        positive("corpus.max-line-length", config.corpus().maxLineLength());
        positive("corpus.documents-per-shard", config.corpus().documentsPerShard());
        if (!Set.of("auto", "text-folder", "bert", "jsonl").contains(config.corpus().format())) {
            throw new ConfigException("corpus.format", "'" + config.corpus().format() + "' is not one of auto, text-folder, bert, jsonl");
        }

        if (config.tasks().isEmpty()) {
            throw new ConfigException("tasks", "a run needs at least one task");
        }
        if (config.tasks().size() > model.taskTypes()) {
            throw new ConfigException("tasks", config.tasks().size() + " tasks do not fit the task embedding (model.task-types: "
                    + model.taskTypes() + ")");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.tasks().size(); i++) {
            if (!names.add(config.tasks().get(i).name())) {
                throw new ConfigException("tasks[" + i + "].name", "task '" + config.tasks().get(i).name() + "' is listed twice");
            }
        }

        ScheduleSection schedule = config.schedule();
        ScheduleKind kind = schedule.scheduleKind();
        if (!(schedule.temperature() > 0)) {
            throw new ConfigException("schedule.temperature", "must be positive");
        }
        for (var weight : schedule.weights().entrySet()) {
            if (!names.contains(weight.getKey())) {
                throw new ConfigException("schedule.weights." + weight.getKey(), "is not a task of this run (tasks: " + String.join(", ", names) + ")");
            }
            if (weight.getValue() == null || !(weight.getValue() >= 0) || weight.getValue().isInfinite()) {
                throw new ConfigException("schedule.weights." + weight.getKey(), "must be a finite number >= 0");
            }
        }
        if (kind == ScheduleKind.WEIGHTS && schedule.weights().values().stream().noneMatch(weight -> weight > 0)) {
            throw new ConfigException("schedule.weights", "the weights sampler needs a positive weight for at least one task");
        }
        if (schedule.maskedLmEveryStep() != null && !names.contains(schedule.maskedLmEveryStep())) {
            throw new ConfigException("schedule.masked-lm-every-step", "'" + schedule.maskedLmEveryStep() + "' is not a task of this run");
        }

        positive("plugins.scan-interval-millis", config.plugins().scanIntervalMillis());

        EvaluationSection evaluation = config.evaluation();
        if (!(evaluation.heldOut() >= 0 && evaluation.heldOut() < 1)) {
            throw new ConfigException("evaluation.held-out", evaluation.heldOut() + " is not in [0, 1)");
        }
        positive("evaluation.examples", evaluation.examples());
        if (evaluation.every() < 0) {
            throw new ConfigException("evaluation.every", "must not be negative (0 evaluates at stage ends only)");
        }
    }

    private static void positive(String path, long value)
    {
        if (value < 1) {
            throw new ConfigException(path, "must be positive, not " + value);
        }
    }
}
