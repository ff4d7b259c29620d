package org.ernie4j.core.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.samediff.SameDiffEngine;
import org.ernie4j.core.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.example.Batch;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A pre-trained encoder for applications: text in, the pooled vector and one vector per word piece out. Safe for
 * concurrent callers: calls are serialised, because a SameDiff session is not safe to share.
 */
public final class TextEncoder
        implements AutoCloseable
{
    private final PretrainedModel model;
    private final SameDiffEngine engine;
    private final int maxLength;
    private final int taskId;

    /**
     * @param taskId the task-embedding row to add to the inputs (0 unless the application wants another task's view)
     */
    public TextEncoder(PretrainedModel model, int taskId)
    {
        this.model = requireNonNull(model, "model is null");
        if (taskId < 0 || taskId >= model.encoder().taskTypes()) {
            throw new IllegalArgumentException("task id " + taskId + " is not a row of the task embedding of " + model.source() + " (0 to "
                    + (model.encoder().taskTypes() - 1) + "); its tasks: " + model.tasks().stream()
                    .map(task -> task.name() + " = " + task.taskId()).collect(Collectors.joining(", ")));
        }
        this.engine = new SameDiffEngine(model.encoder().withoutDropout(), model.encoderParameters());
        this.maxLength = model.encoder().maxPositions();
        this.taskId = taskId;
    }

    /** The encoder of a pre-training run directory (its newest checkpoint) or of a checkpoint directory. */
    public static TextEncoder load(Path runOrCheckpoint)
    {
        return new TextEncoder(PretrainedModel.load(runOrCheckpoint), 0);
    }

    /** The length of the vectors. */
    public int dimension()
    {
        return model.encoder().hidden();
    }

    /** Encodes a text, cut to the model's longest input. */
    public synchronized Encoding encode(String text)
    {
        requireNonNull(text, "text is null");
        WordPieceVocabulary vocabulary = model.vocabulary();
        int[] pieces = vocabulary.encode(text);
        InputBuilder input = InputBuilder.start(vocabulary, maxLength);
        for (int i = 0; i < pieces.length && input.remaining() > 1; i++) {
            input.add(pieces[i]);
        }
        Example example = input.separator().build(new SequenceLabel(0));
        EncoderOutputs outputs = engine.encode(Batch.of(List.of(example), vocabulary.padId()), taskId);
        List<String> names = new ArrayList<>();
        float[][] vectors = new float[example.length()][];
        INDArray sequence = outputs.sequence().slice(0);
        for (int position = 0; position < example.length(); position++) {
            names.add(vocabulary.piece(example.inputId(position)));
            vectors[position] = sequence.getRow(position).toFloatVector();
        }
        return new Encoding(names, outputs.pooled().getRow(0).toFloatVector(), vectors);
    }

    @Override
    public synchronized void close()
    {
        engine.close();
    }
}
