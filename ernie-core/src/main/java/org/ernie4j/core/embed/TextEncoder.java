package org.ernie4j.core.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.support.DenseArrays;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A pre-trained encoder for applications: text in, one vector per word piece and the sentence vectors out (the pooled
 * first token where the model has a pooler, and the mean of the pieces). It runs on the engine {@link Execution} picks
 * (the fused engine where it can run) and owns its threads until {@link #close()}.
 *
 * <p>Safe for concurrent callers: calls are serialised, because neither engine's buffers may be shared. One call uses
 * every engine thread (the fused engine splits a batch by texts, and a batch of fewer texts than threads within its
 * pieces), so throughput comes from passing lists to {@link #embed} or {@link #encode(List)}, not from calling from more
 * threads. Gathering concurrent callers' texts into shared
 * calls was measured and left out: with texts of mixed lengths it ran no faster than a call each on two cores
 * (docs/BENCHMARKS.md, "Concurrent callers").
 */
@PublicApi
public final class TextEncoder
        implements AutoCloseable
{
    /**
     * Texts encoded together by {@link #embed} and {@link #encode(List)}: enough to amortise a call and to give every
     * thread several texts; sorting by length keeps the padding small.
     */
    static final int BATCH = 32;

    private final PretrainedModel model;
    private final Execution execution;
    private final int maxLength;
    private final int taskId;
    private final boolean pooler;

    /**
     * On the engine {@code auto} picks, with a thread per processor.
     *
     * @param taskId the task-embedding row to add to the inputs (0 unless the application wants another task's view)
     */
    public TextEncoder(PretrainedModel model, int taskId)
    {
        this(model, taskId, EngineKind.AUTO, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param taskId the task-embedding row to add to the inputs (0 unless the application wants another task's view)
     * @param engine which engine runs the encoder ({@code auto}: the fused engine where it can run)
     * @param threads the fused engine's threads (the SameDiff engine uses ND4J's own)
     */
    public TextEncoder(PretrainedModel model, int taskId, EngineKind engine, int threads)
    {
        this.model = requireNonNull(model, "model is null");
        if (taskId < 0 || taskId >= model.encoder().taskTypes()) {
            throw new IllegalArgumentException("task id " + taskId + " is not a row of the task embedding of " + model.source() + " (0 to "
                    + (model.encoder().taskTypes() - 1) + "); its tasks: " + model.tasks().stream()
                    .map(task -> task.name() + " = " + task.taskId()).collect(Collectors.joining(", ")));
        }
        ModelParameters parameters = model.encoderParameters();
        this.execution = Execution.forInference(requireNonNull(engine, "engine is null"), model.encoder(), parameters, threads);
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

    /** The engine that runs: {@code fused} or {@code samediff}. */
    public EngineKind engine()
    {
        return execution.kind();
    }

    /** Whether the model has a pooler, and so {@link Encoding#pooled()} a value. */
    public boolean hasPooler()
    {
        return pooler;
    }

    /** Encodes a text, cut to the model's longest input (its tokenizer's maximum length, or its position table). */
    public synchronized Encoding encode(String text)
    {
        return encode(List.of(text)).get(0);
    }

    /** Encodes each text as {@link #encode(String)} does, in batches of texts of similar length; in the order given. */
    public synchronized List<Encoding> encode(List<String> texts)
    {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (EncodedText encoded : encodeTogether(inputs(texts))) {
            encodings.add(encoding(encoded));
        }
        return List.copyOf(encodings);
    }

    /**
     * The mean-pooled sentence embedding of each text (see {@link MeanPooling}), computed in padded batches of texts of
     * similar length, in the order given; with {@code normalize}, of length 1, as sentence-transformers models such as
     * all-MiniLM-L6-v2 give it.
     */
    public synchronized float[][] embed(List<String> texts, boolean normalize)
    {
        List<EncodedText> encoded = encodeTogether(inputs(texts));
        float[][] embeddings = new float[encoded.size()][];
        for (int i = 0; i < embeddings.length; i++) {
            embeddings[i] = MeanPooling.of(encoded.get(i).tokens(), normalize);
        }
        return embeddings;
    }

    /**
     * What the engine gave for one text, copied out of its batch's arrays.
     *
     * @param example the input
     * @param tokens one vector per real piece (padding left out)
     * @param pooled the pooled vector, or null for a model without a pooler
     */
    private record EncodedText(Example example, float[][] tokens, float[] pooled)
    {
    }

    /** The texts in batches of similar length, each text's outputs in the texts' order. */
    private List<EncodedText> encodeTogether(List<Example> inputs)
    {
        return LengthSortedBatches.inOrder(inputs, BATCH, this::encodeBatch);
    }

    private List<EncodedText> encodeBatch(List<Example> examples)
    {
        try (EncoderOutputs outputs = execution.engine().encode(Batch.of(examples, model.vocabulary().padId()), taskId)) {
            return copyOut(examples, outputs);
        }
    }

    /**
     * Each text's rows of a batch's outputs as plain arrays. The outputs are read into Java arrays in one copy each: a view
     * per position ({@code getRow}) cost several microseconds apiece, milliseconds for a batch of short texts.
     */
    private List<EncodedText> copyOut(List<Example> examples, EncoderOutputs outputs)
    {
        int hidden = model.encoder().hidden();
        int length = Math.toIntExact(outputs.sequence().size(1));
        float[] sequence = denseFloats(outputs.sequence());
        float[] pooled = pooler ? denseFloats(outputs.pooled()) : null;
        List<EncodedText> texts = new ArrayList<>(examples.size());
        for (int row = 0; row < examples.size(); row++) {
            Example example = examples.get(row);
            float[][] tokens = new float[example.length()][];
            for (int position = 0; position < example.length(); position++) {
                tokens[position] = Arrays.copyOfRange(sequence, (row * length + position) * hidden, (row * length + position + 1) * hidden);
            }
            texts.add(new EncodedText(example, tokens, pooled == null ? null : Arrays.copyOfRange(pooled, row * hidden, (row + 1) * hidden)));
        }
        return texts;
    }

    /** The array's values in row-major order (an engine's output may be a view or in column-major order). */
    private static float[] denseFloats(INDArray array)
    {
        return DenseArrays.dense(array).data().asFloat();
    }

    private Encoding encoding(EncodedText encoded)
    {
        WordPieceVocabulary vocabulary = model.vocabulary();
        List<String> names = new ArrayList<>(encoded.tokens().length);
        for (int position = 0; position < encoded.tokens().length; position++) {
            names.add(vocabulary.piece(encoded.example().inputId(position)));
        }
        return new Encoding(names, Optional.ofNullable(encoded.pooled()), MeanPooling.of(encoded.tokens(), false), encoded.tokens());
    }

    private List<Example> inputs(List<String> texts)
    {
        List<Example> inputs = new ArrayList<>(texts.size());
        for (String text : texts) {
            inputs.add(input(text));
        }
        return inputs;
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
        execution.close();
    }
}
