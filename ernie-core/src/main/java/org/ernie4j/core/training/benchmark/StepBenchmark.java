package org.ernie4j.core.training.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.engine.execution.StepBreakdown;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.model.optim.GradientClipping;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.training.LocalRounds;
import org.ernie4j.core.training.StepComputer;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.nd4j.linalg.api.buffer.DataType;

import static java.util.Objects.requireNonNull;

/**
 * Times full masked-LM training steps (forward, backward, clipping, AdamW update) of an encoder on full-length batches
 * with 15% of positions masked. The token ids are random: the cost of a step does not depend on the text.
 */
@PublicApi
public final class StepBenchmark
{
    private final EncoderConfig config;
    private final int batchSize;
    private final int sequenceLength;

    public StepBenchmark(EncoderConfig config, int batchSize, int sequenceLength)
    {
        this.config = requireNonNull(config, "config is null");
        this.batchSize = batchSize;
        this.sequenceLength = sequenceLength;
    }

    /** The reference configuration: vocabulary 8000, hidden 256, 4 layers, 4 heads, FFN 1024, sequence 128, batch 32. */
    public static StepBenchmark reference()
    {
        EncoderConfig config = new EncoderConfig(8000, 256, 4, 4, 1024, 128, 2, 16, 0.1, 1e-12,
                org.ernie4j.core.model.Activation.GELU_TANH, 0.02);
        return new StepBenchmark(config, 32, 128);
    }

    /**
     * The second reference: the shape of the public all-MiniLM-L6-v2 model (vocabulary 30,522, hidden 384, 6 layers, 12
     * heads, FFN 1536, 512 positions), at batch 32, which users who start from published checkpoints train. Its GELU is
     * the tanh form, as the reference's; MiniLM's own is the erf form, which costs the same.
     *
     * @param sequenceLength positions per example, at most the model's 512
     */
    public static StepBenchmark miniLm(int sequenceLength)
    {
        if (sequenceLength < 8 || sequenceLength > 512) {
            throw new IllegalArgumentException("the sequence must be 8 to 512 positions (MiniLM's position table): " + sequenceLength);
        }
        EncoderConfig config = new EncoderConfig(30522, 384, 6, 12, 1536, 512, 2, 16, 0.1, 1e-12,
                org.ernie4j.core.model.Activation.GELU_TANH, 0.02);
        return new StepBenchmark(config, 32, sequenceLength);
    }

    /** The model it trains. */
    public EncoderConfig config()
    {
        return config;
    }

    /** The same benchmark with another batch size. */
    public StepBenchmark withBatchSize(int size)
    {
        return new StepBenchmark(config, size, sequenceLength);
    }

    /**
     * The reference configuration at another width and input length: {@code hidden / 64} heads, a feed-forward four times
     * as wide, as many positions as the sequence; vocabulary, layers and batch unchanged.
     */
    public static StepBenchmark scaled(int hidden, int sequenceLength)
    {
        if (hidden < 64 || hidden % 64 != 0 || sequenceLength < 8) {
            throw new IllegalArgumentException("hidden must be a multiple of 64 and the sequence at least 8: " + hidden + ", " + sequenceLength);
        }
        EncoderConfig config = new EncoderConfig(8000, hidden, 4, hidden / 64, 4 * hidden, sequenceLength, 2, 16, 0.1, 1e-12,
                org.ernie4j.core.model.Activation.GELU_TANH, 0.02);
        return new StepBenchmark(config, 32, sequenceLength);
    }

    /**
     * Runs {@code warmup} untimed and then {@code steps} timed steps on the engine {@code engine} stands for here; the fused
     * engine uses {@code threads} threads.
     */
    public BenchmarkResult run(EngineKind engine, int threads, int warmup, int steps)
    {
        return run(engine, threads, warmup, steps, 0, StepComputer.Factory.LOCAL);
    }

    /**
     * Runs the benchmark with each step's gradients computed by what {@code computers} makes (a cluster, say) and the
     * update applied here, as the trainer does; samples the process's resident memory after every {@code residentEvery}
     * timed steps (0: never), to show whether it stays flat.
     */
    public BenchmarkResult run(EngineKind engine, int threads, int warmup, int steps, int residentEvery, StepComputer.Factory computers)
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        ParameterInitializer initializer = new ParameterInitializer(1, config.initializerRange());
        TaskHead task = new TaskHead("masked-lm", 0, MaskedTokenHead.create());
        parameters.addMissing(EncoderLayout.parameters(config), initializer);
        parameters.addMissing(HeadLayout.parameters(task.name(), task.head(), config), initializer);
        OptimizerSettings settings = new OptimizerSettings(1e-4, 0, warmup + steps + 1, 0.9, 0.999, 1e-6, 0.01, 1.0);
        SplittableRandom random = new SplittableRandom(17);
        List<Double> seconds = new ArrayList<>();
        List<Double> optimizerSeconds = new ArrayList<>();
        List<Long> resident = new ArrayList<>();
        Optional<StepBreakdown> profile;
        EngineKind ran;
        try (Execution execution = Execution.create(engine, config, parameters, settings, threads);
                StepComputer computer = computers.create(new StepComputer.Context(config, engine, 0, parameters, execution.engine()))) {
            ran = execution.kind();
            Optimizer optimizer = execution.optimizer();
            if (computer.rounds().isPresent()) {
                // Rounds run the optimizer on the workers: there is no driver-side update to time apart.
                roundSeconds(computer.rounds().get(), task, optimizer, settings, random, warmup, steps, seconds);
            }
            else {
                for (int step = 0; step < warmup + steps; step++) {
                    if (step == warmup) {
                        execution.resetProfile();
                    }
                    Batch batch = batch(random);
                    long started = System.nanoTime();
                    StepResult result = computer.gradients(task, batch, step);
                    long computed = System.nanoTime();
                    double norm = optimizer.gradientNorm(result.gradients());
                    optimizer.apply(result.gradients(), settings.learningRateAt(step), GradientClipping.scale(norm, settings.clipNorm()));
                    long finished = System.nanoTime();
                    if (step >= warmup) {
                        seconds.add((finished - started) / 1e9);
                        optimizerSeconds.add((finished - computed) / 1e9);
                        int timed = step - warmup + 1;
                        if (residentEvery > 0 && timed % residentEvery == 0) {
                            resident.add(ProcessMemory.residentBytes().orElse(-1));
                        }
                    }
                }
            }
            profile = execution.profile();
        }
        double median = median(seconds);
        return new BenchmarkResult(config, batchSize, sequenceLength, ran, List.copyOf(seconds), median,
                (double) batchSize * sequenceLength / median, ProcessMemory.peakResidentBytes().orElse(-1), profile, median(optimizerSeconds),
                resident);
    }

    /**
     * Trains the steps in rounds of local steps (parameter averaging) and adds each timed step's share of its round's
     * time to {@code seconds}; a round counts as timed once its first step is past the warm-up.
     */
    private void roundSeconds(LocalRounds rounds, TaskHead task, Optimizer optimizer, OptimizerSettings settings, SplittableRandom random, int warmup,
            int steps, List<Double> seconds)
    {
        int length = rounds.stepsPerRound();
        for (int first = 0; first < warmup + steps; first += length) {
            List<LocalRounds.Step> round = new ArrayList<>(length);
            for (int step = first; step < Math.min(first + length, warmup + steps); step++) {
                round.add(new LocalRounds.Step(step, task.name(), new LocalRounds.Input(task, batch(random), step), Optional.empty(),
                        settings.learningRateAt(step)));
            }
            long started = System.nanoTime();
            rounds.train(round, optimizer, settings);
            double share = (System.nanoTime() - started) / 1e9 / round.size();
            if (first >= warmup) {
                round.forEach(step -> seconds.add(share));
            }
        }
    }

    private static double median(List<Double> values)
    {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private Batch batch(SplittableRandom random)
    {
        List<Example> examples = new ArrayList<>();
        for (int row = 0; row < batchSize; row++) {
            int[] ids = new int[sequenceLength];
            int[] segments = new int[sequenceLength];
            List<Integer> positions = new ArrayList<>();
            for (int position = 0; position < sequenceLength; position++) {
                ids[position] = 5 + random.nextInt(config.vocabularySize() - 5);
                segments[position] = position < sequenceLength / 2 ? 0 : 1;
                if (position > 0 && position < sequenceLength - 1 && random.nextDouble() < 0.15) {
                    positions.add(position);
                }
            }
            int[] masked = positions.stream().mapToInt(Integer::intValue).toArray();
            int[] originals = new int[masked.length];
            for (int i = 0; i < masked.length; i++) {
                originals[i] = ids[masked[i]];
                ids[masked[i]] = 4;
            }
            examples.add(new Example(ids, segments, new MaskedTokens(masked, originals)));
        }
        return Batch.of(examples, 0);
    }
}
