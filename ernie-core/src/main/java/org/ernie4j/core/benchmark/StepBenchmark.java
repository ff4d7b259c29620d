package org.ernie4j.core.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.optim.AdamW;
import org.ernie4j.core.optim.GradientClipping;
import org.ernie4j.core.optim.OptimizerSettings;
import org.ernie4j.core.samediff.SameDiffEngine;
import org.ernie4j.spi.example.Batch;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.nd4j.linalg.api.buffer.DataType;

import static java.util.Objects.requireNonNull;

/**
 * Times full masked-LM training steps (forward, backward, clipping, AdamW update) of an encoder on full-length batches
 * with 15% of positions masked. The token ids are random: the cost of a step does not depend on the text.
 */
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

    /** Runs {@code warmup} untimed and then {@code steps} timed steps. */
    public BenchmarkResult run(int warmup, int steps)
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        ParameterInitializer initializer = new ParameterInitializer(1, config.initializerRange());
        TaskHead task = new TaskHead("masked-lm", 0, MaskedTokenHead.create());
        parameters.addMissing(EncoderLayout.parameters(config), initializer);
        parameters.addMissing(HeadLayout.parameters(task.name(), task.head(), config), initializer);
        OptimizerSettings settings = new OptimizerSettings(1e-4, 0, warmup + steps + 1, 0.9, 0.999, 1e-6, 0.01, 1.0);
        AdamW optimizer = new AdamW(settings, parameters);
        SplittableRandom random = new SplittableRandom(17);
        List<Double> seconds = new ArrayList<>();
        try (ModelEngine engine = new SameDiffEngine(config, parameters)) {
            for (int step = 0; step < warmup + steps; step++) {
                Batch batch = batch(random);
                long started = System.nanoTime();
                StepResult result = engine.gradients(task, batch, step);
                GradientClipping.clip(result.gradients(), settings.clipNorm());
                optimizer.apply(result.gradients(), settings.learningRateAt(step));
                double elapsed = (System.nanoTime() - started) / 1e9;
                if (step >= warmup) {
                    seconds.add(elapsed);
                }
            }
        }
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        return new BenchmarkResult(config, batchSize, sequenceLength, List.copyOf(seconds), median,
                (double) batchSize * sequenceLength / median, ProcessMemory.peakResidentBytes().orElse(-1));
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
