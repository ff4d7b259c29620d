package org.ernie4j.core.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A pre-trained encoder for applications: text in, one vector per word piece and the sentence vectors out (the pooled
 * first token where the model has a pooler, and the mean of the pieces). Safe for concurrent callers: calls are
 * serialised, because a SameDiff session is not safe to share.
 */
@PublicApi
public final class TextEncoder
        implements AutoCloseable
{
    /** Texts encoded together by {@link #embed}: enough to amortise a call, few enough to keep the padding small. */
    private static final int BATCH = 16;

    private final PretrainedModel model;
    private final SameDiffEngine engine;
    private final int maxLength;
    private final int taskId;
    private final boolean pooler;

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
        ModelParameters parameters = model.encoderParameters();
        this.engine = new SameDiffEngine(model.encoder().withoutDropout(), parameters);
        // The tokenizer's own limit where it has one (all-MiniLM-L6-v2 cuts at 128 of its 512 positions).
        this.maxLength = Math.min(model.encoder().maxPositions(), model.vocabulary().settings().maxLength().orElse(Integer.MAX_VALUE));
        this.taskId = taskId;
        // An import of a model without a pooler creates it as zeros: its output is the zero vector, not a sentence vector.
        this.pooler = parameters.get(EncoderLayout.weight(EncoderLayout.POOLER)).amaxNumber().doubleValue() > 0
                || parameters.get(EncoderLayout.bias(EncoderLayout.POOLER)).amaxNumber().doubleValue() > 0;
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

    /** Whether the model has a pooler, and so {@link Encoding#pooled()} a value. */
    public boolean hasPooler()
    {
        return pooler;
    }

    /** Encodes a text, cut to the model's longest input (its tokenizer's maximum length, or its position table). */
    public synchronized Encoding encode(String text)
    {
        Example example = input(text);
        WordPieceVocabulary vocabulary = model.vocabulary();
        EncoderOutputs outputs = engine.encode(Batch.of(List.of(example), vocabulary.padId()), taskId);
        List<String> names = new ArrayList<>();
        float[][] vectors = new float[example.length()][];
        INDArray sequence = outputs.sequence().slice(0);
        for (int position = 0; position < example.length(); position++) {
            names.add(vocabulary.piece(example.inputId(position)));
            vectors[position] = sequence.getRow(position).toFloatVector();
        }
        Optional<float[]> pooled = pooler ? Optional.of(outputs.pooled().getRow(0).toFloatVector()) : Optional.empty();
        return new Encoding(names, pooled, MeanPooling.of(outputs.sequence(), 0, example.length(), false), vectors);
    }

    /**
     * The mean-pooled sentence embedding of each text (see {@link MeanPooling}), computed in padded batches; with
     * {@code normalize}, of length 1, as sentence-transformers models such as all-MiniLM-L6-v2 give it.
     */
    public synchronized float[][] embed(List<String> texts, boolean normalize)
    {
        float[][] embeddings = new float[texts.size()][];
        for (int start = 0; start < texts.size(); start += BATCH) {
            List<Example> examples = new ArrayList<>();
            for (String text : texts.subList(start, Math.min(texts.size(), start + BATCH))) {
                examples.add(input(text));
            }
            EncoderOutputs outputs = engine.encode(Batch.of(examples, model.vocabulary().padId()), taskId);
            for (int i = 0; i < examples.size(); i++) {
                embeddings[start + i] = MeanPooling.of(outputs.sequence(), i, examples.get(i).length(), normalize);
            }
        }
        return embeddings;
    }

    /** {@code [CLS]}, the text's pieces as far as they fit, {@code [SEP]}. */
    private Example input(String text)
    {
        requireNonNull(text, "text is null");
        WordPieceVocabulary vocabulary = model.vocabulary();
        int[] pieces = vocabulary.encode(text);
        InputBuilder input = InputBuilder.start(vocabulary, maxLength);
        for (int i = 0; i < pieces.length && input.remaining() > 1; i++) {
            input.add(pieces[i]);
        }
        return input.separator().build(new SequenceLabel(0));
    }

    @Override
    public synchronized void close()
    {
        engine.close();
    }
}
