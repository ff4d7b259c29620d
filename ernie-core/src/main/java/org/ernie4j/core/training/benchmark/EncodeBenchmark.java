package org.ernie4j.core.training.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.nd4j.linalg.api.buffer.DataType;

import static java.util.Objects.requireNonNull;

/**
 * Sentences per second of an encoder's forward pass, whoever runs it (either engine, or another runtime handed the same
 * batches): full-length inputs of real text, cycled through so that no two consecutive calls see the same batch, timed
 * after warm-up calls for at least a given time.
 */
@PublicApi
public final class EncodeBenchmark
{
    /** Distinct batches cycled through: enough that caches do not hold one batch's answers, few enough to build at once. */
    private static final int DISTINCT_BATCHES = 8;

    private final List<Batch> batches;

    private EncodeBenchmark(List<Batch> batches)
    {
        this.batches = List.copyOf(batches);
    }

    /**
     * Batches of {@code size} inputs of exactly {@code length} positions: {@code [CLS]}, the next {@code length - 2} pieces
     * of {@code pieces} (the text, tokenized, read on from where the previous input stopped and from the start again at the
     * end), {@code [SEP]}. There is no padding, so every engine does the same work whatever it does with padding.
     */
    public static EncodeBenchmark of(int[] pieces, int clsId, int sepId, int padId, int size, int length)
    {
        requireNonNull(pieces, "pieces is null");
        if (pieces.length == 0 || size < 1 || length < 3) {
            throw new IllegalArgumentException("need pieces, a batch of at least one input and at least 3 positions, not " + pieces.length
                    + " pieces, batch " + size + ", length " + length);
        }
        List<Batch> batches = new ArrayList<>();
        long next = 0;
        for (int b = 0; b < DISTINCT_BATCHES; b++) {
            List<Example> examples = new ArrayList<>(size);
            for (int e = 0; e < size; e++) {
                int[] ids = new int[length];
                ids[0] = clsId;
                for (int position = 1; position < length - 1; position++) {
                    ids[position] = pieces[(int) (next++ % pieces.length)];
                }
                ids[length - 1] = sepId;
                examples.add(new Example(ids, new int[length], new SequenceLabel(0)));
            }
            batches.add(Batch.of(examples, padId));
        }
        return new EncodeBenchmark(batches);
    }

    /** The batches, in the order they are run. */
    public List<Batch> batches()
    {
        return batches;
    }

    /**
     * Runs {@code encode} untimed for {@code warmupSeconds} (and at least two calls), then on batch after batch until at
     * least {@code seconds} have passed and at least {@code minimumCalls} calls were made. The warm-up is timed, not
     * counted: the JIT compiles the vector kernels after seconds of calls, not after two, and until then a JVM runs them
     * several times slower (a first measurement after two calls gave half the settled figure at batch 1).
     *
     * @return inputs encoded per second
     */
    public double sentencesPerSecond(Consumer<Batch> encode, double warmupSeconds, double seconds, int minimumCalls)
    {
        requireNonNull(encode, "encode is null");
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int call = 0; call < 2 || System.nanoTime() < warmupEnd; call++) {
            encode.accept(batches.get(call % batches.size()));
        }
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        long sentences = 0;
        int calls = 0;
        while (calls < minimumCalls || System.nanoTime() < deadline) {
            Batch batch = batches.get(calls % batches.size());
            encode.accept(batch);
            sentences += batch.size();
            calls++;
        }
        return sentences / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * Encoder parameters drawn as a new training run draws them (seeded): the weights of a model of a given shape to time,
     * not to use; a forward pass costs the same whatever the weights.
     */
    public static ModelParameters initialized(EncoderConfig config, long seed)
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        parameters.addMissing(EncoderLayout.parameters(config), new ParameterInitializer(seed, config.initializerRange()));
        return parameters;
    }
}
