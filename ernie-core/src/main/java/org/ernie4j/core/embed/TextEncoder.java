package org.ernie4j.core.embed;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * every engine thread when it holds at least as many texts as there are threads (the fused engine splits a batch by
 * texts), so throughput comes from passing lists to {@link #embed} or {@link #encode(List)}, not from calling from more
 * threads.
 */
@PublicApi
public final class TextEncoder
        implements AutoCloseable
{
    /**
     * Texts encoded together by {@link #embed} and {@link #encode(List)}: enough to amortise a call and to give every
     * thread several texts; sorting by length keeps the padding small.
     */
    private static final int BATCH = 32;

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
        Encoding[] encodings = new Encoding[texts.size()];
        forEachBatch(texts, (examples, outputs, index) -> {
            for (int i = 0; i < examples.size(); i++) {
                encodings[index[i]] = encoding(examples.get(i), outputs, i);
            }
        });
        return List.of(encodings);
    }

    /**
     * The mean-pooled sentence embedding of each text (see {@link MeanPooling}), computed in padded batches of texts of
     * similar length, in the order given; with {@code normalize}, of length 1, as sentence-transformers models such as
     * all-MiniLM-L6-v2 give it.
     */
    public synchronized float[][] embed(List<String> texts, boolean normalize)
    {
        float[][] embeddings = new float[texts.size()][];
        forEachBatch(texts, (examples, outputs, index) -> {
            for (int i = 0; i < examples.size(); i++) {
                embeddings[index[i]] = MeanPooling.of(outputs.sequence(), i, examples.get(i).length(), normalize);
            }
        });
        return embeddings;
    }

    /** What the encoder gives for each batch: its examples, its outputs, and each example's place in the caller's list. */
    private interface BatchConsumer
    {
        void accept(List<Example> examples, EncoderOutputs outputs, int[] index);
    }

    private void forEachBatch(List<String> texts, BatchConsumer consumer)
    {
        List<Example> inputs = new ArrayList<>(texts.size());
        for (String text : texts) {
            inputs.add(input(text));
        }
        for (int[] index : LengthSortedBatches.of(inputs.stream().mapToInt(Example::length).toArray(), BATCH)) {
            List<Example> examples = new ArrayList<>(index.length);
            for (int i : index) {
                examples.add(inputs.get(i));
            }
            consumer.accept(examples, execution.engine().encode(Batch.of(examples, model.vocabulary().padId()), taskId), index);
        }
    }

    private Encoding encoding(Example example, EncoderOutputs outputs, int row)
    {
        WordPieceVocabulary vocabulary = model.vocabulary();
        List<String> names = new ArrayList<>();
        float[][] vectors = new float[example.length()][];
        INDArray sequence = outputs.sequence().slice(row);
        for (int position = 0; position < example.length(); position++) {
            names.add(vocabulary.piece(example.inputId(position)));
            vectors[position] = sequence.getRow(position).toFloatVector();
        }
        Optional<float[]> pooled = pooler ? Optional.of(outputs.pooled().getRow(row).toFloatVector()) : Optional.empty();
        return new Encoding(names, pooled, MeanPooling.of(outputs.sequence(), row, example.length(), false), vectors);
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
