package org.ernie4j.core.engine.fused;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.model.optim.GradientClipping;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fused AdamW against the ND4J one: the same parameters and moments after several clipped steps in which different
 * parameters take part, and state that each can restore from the other.
 */
class TestFusedAdamW
{
    private static final OptimizerSettings SETTINGS = new OptimizerSettings(1e-2, 2, 20, 0.9, 0.999, 1e-6, 0.01, 1.0);

    @Test
    void sameUpdatesAndStateAsAdamW()
    {
        ModelParameters reference = parameters();
        ModelParameters fused = parameters();
        AdamW adam = new AdamW(SETTINGS, reference);
        try (Workers workers = new Workers(2)) {
            FusedAdamW fusedAdam = new FusedAdamW(SETTINGS, fused, workers);
            SplittableRandom random = new SplittableRandom(5);
            for (int step = 0; step < 6; step++) {
                // Step 3 leaves out the bias: its step count and moments must stay behind.
                List<String> names = step == 3 ? List.of("layer.weight", "table") : List.of("layer.weight", "layer.bias", "table");
                Map<String, INDArray> gradients = gradients(reference, names, random, step);
                Map<String, INDArray> copies = new LinkedHashMap<>();
                gradients.forEach((name, gradient) -> copies.put(name, gradient.dup()));

                double norm = adam.gradientNorm(gradients);
                assertThat(fusedAdam.gradientNorm(copies)).isCloseTo(norm, within(1e-5 * norm));
                double learningRate = SETTINGS.learningRateAt(step);
                adam.apply(gradients, learningRate, GradientClipping.scale(norm, SETTINGS.clipNorm()));
                fusedAdam.apply(copies, learningRate, GradientClipping.scale(norm, SETTINGS.clipNorm()));
            }
            for (String name : reference.names()) {
                assertThat(fused.get(name).equalsWithEps(reference.get(name), 1e-6)).as("parameter %s", name).isTrue();
                AdamW.Moments expected = adam.state().get(name);
                AdamW.Moments actual = fusedAdam.state().get(name);
                assertThat(actual.updates()).isEqualTo(expected.updates());
                assertThat(actual.first().equalsWithEps(expected.first(), 1e-7)).as("first moment of %s", name).isTrue();
                assertThat(actual.second().equalsWithEps(expected.second(), 1e-9)).as("second moment of %s", name).isTrue();
            }

            // Each restores the other's state and then takes the same step.
            AdamW restoredAdam = new AdamW(SETTINGS, reference);
            restoredAdam.restore(fusedAdam.state());
            FusedAdamW restoredFused = new FusedAdamW(SETTINGS, fused, workers);
            restoredFused.restore(adam.state());
            Map<String, INDArray> gradients = gradients(reference, List.of("layer.weight", "layer.bias", "table"), random, 6);
            Map<String, INDArray> copies = new LinkedHashMap<>();
            gradients.forEach((name, gradient) -> copies.put(name, gradient.dup()));
            restoredAdam.apply(gradients, 1e-2, 1);
            restoredFused.apply(copies, 1e-2, 1);
            for (String name : reference.names()) {
                assertThat(fused.get(name).equalsWithEps(reference.get(name), 1e-6)).as("parameter %s after restoring", name).isTrue();
            }
        }
    }

    private static ModelParameters parameters()
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        SplittableRandom random = new SplittableRandom(1);
        parameters.add(new ParameterSpec("layer.weight", new long[] {7, 37}, Initialization.NORMAL, true), random(random, 7, 37));
        parameters.add(new ParameterSpec("layer.bias", new long[] {37}, Initialization.ZEROS, false), random(random, 37));
        parameters.add(new ParameterSpec("table", new long[] {100, 16}, Initialization.NORMAL, true), random(random, 100, 16));
        return parameters;
    }

    private static Map<String, INDArray> gradients(ModelParameters parameters, List<String> names, SplittableRandom random, int step)
    {
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (String name : names) {
            // Large enough in some steps that clipping acts.
            gradients.put(name, random(random, parameters.get(name).shape()).muli(step % 2 == 0 ? 0.05 : 0.5));
        }
        return gradients;
    }

    private static INDArray random(SplittableRandom random, long... shape)
    {
        INDArray values = Nd4j.create(DataType.FLOAT, shape);
        for (long i = 0; i < values.length(); i++) {
            values.putScalar(i, random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
