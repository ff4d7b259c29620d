package org.ernie4j.core.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.training.evaluate.EvaluationSettings;
import org.ernie4j.core.training.schedule.ScheduleSpec;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.Vocabulary;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * Everything a pre-training session needs, resolved from the configuration and the prepared corpus.
 *
 * @param encoder the encoder's shape
 * @param training how to train
 * @param schedule which task trains at each step
 * @param evaluation held-out documents and when to evaluate on them
 * @param tasks the tasks in order of introduction, with their settings
 * @param documents the prepared corpus
 * @param vocabulary its vocabulary
 * @param vocabularyFile the vocabulary's {@code vocab.txt}, copied into every checkpoint when given
 * @param corpus the corpus's identity, recorded in checkpoints
 * @param checkpoints where checkpoints go
 * @param resolvedConfig the full configuration, recorded in checkpoints
 */
@PublicApi
public record SessionSetup(
        EncoderConfig encoder,
        TrainingSettings training,
        ScheduleSpec schedule,
        EvaluationSettings evaluation,
        List<TaskSetup> tasks,
        DocumentSource documents,
        Vocabulary vocabulary,
        Optional<Path> vocabularyFile,
        CorpusIdentity corpus,
        Path checkpoints,
        JsonNode resolvedConfig)
{
    public SessionSetup
    {
        requireNonNull(encoder, "encoder is null");
        requireNonNull(training, "training is null");
        requireNonNull(schedule, "schedule is null");
        requireNonNull(evaluation, "evaluation is null");
        requireNonNull(tasks, "tasks is null");
        requireNonNull(documents, "documents is null");
        requireNonNull(vocabulary, "vocabulary is null");
        requireNonNull(vocabularyFile, "vocabularyFile is null");
        requireNonNull(corpus, "corpus is null");
        requireNonNull(checkpoints, "checkpoints is null");
        requireNonNull(resolvedConfig, "resolvedConfig is null");
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one task");
        }
        if (tasks.size() > encoder.taskTypes()) {
            throw new IllegalArgumentException(tasks.size() + " tasks do not fit the model's " + encoder.taskTypes() + " task types");
        }
        if (training.sequenceLength() > encoder.maxPositions()) {
            throw new IllegalArgumentException("sequence length " + training.sequenceLength() + " is longer than the model's "
                    + encoder.maxPositions() + " positions");
        }
        if (schedule.maskedLm().isPresent() && tasks.stream().noneMatch(task -> task.name().equals(schedule.maskedLmEveryStep()))) {
            throw new IllegalArgumentException("the masked-LM task " + schedule.maskedLmEveryStep() + " is not a task of this run");
        }
        if (vocabulary.size() != encoder.vocabularySize()) {
            throw new IllegalArgumentException("the vocabulary has " + vocabulary.size() + " pieces but the model expects "
                    + encoder.vocabularySize());
        }
    }

    /** The same run with other training settings, checkpointing into {@code directory}. */
    public SessionSetup withTraining(TrainingSettings settings, Path directory)
    {
        return new SessionSetup(encoder, settings, schedule, evaluation, tasks, documents, vocabulary, vocabularyFile, corpus, directory,
                resolvedConfig);
    }
}
