package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.Target;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.CustomHeadGraph;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fused engine against the SameDiff graph, the model's definition: for random weights and inputs with padding,
 * repeated ids, both segments and dropout on (the same masks), the loss, the accuracy and every parameter gradient agree
 * in float32, for each head kind, both GELU forms and several shapes, with the batch split over several workers.
 */
class TestFusedEngine
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestFusedEngine.class);
    private static final double TOLERANCE = 1e-4;
    private static Workers workers;

    @BeforeAll
    static void startWorkers()
    {
        workers = new Workers(3);
    }

    @AfterAll
    static void stopWorkers()
    {
        workers.close();
    }

    @Test
    void maskedTokenHead()
    {
        compare(config(48, 2, 4, 96, Activation.GELU_TANH, 0.1), MaskedTokenHead.create(), 7, 17);
    }

    @Test
    void maskedTokenHeadWithErfGeluAndOneHead()
    {
        compare(config(32, 1, 1, 64, Activation.GELU_ERF, 0.2), MaskedTokenHead.create(), 5, 23);
    }

    @Test
    void sequenceClassificationHeadWithClassWeights()
    {
        compare(config(48, 2, 4, 96, Activation.GELU_ERF, 0.1), SequenceClassificationHead.weighted(new float[] {1f, 2f, 0.5f}), 7, 17);
    }

    @Test
    void tokenClassificationHead()
    {
        compare(config(64, 3, 8, 128, Activation.GELU_TANH, 0.1), TokenClassificationHead.of(4), 5, 19);
    }

    @Test
    void tokenClassificationHeadWithoutDropout()
    {
        compare(config(16, 2, 2, 40, Activation.GELU_TANH, 0.0), TokenClassificationHead.of(2), 4, 9);
    }

    /**
     * Inputs long enough that the attention probabilities outgrow the feed-forward's pre-activation are recomputed in the
     * backward pass instead of kept; the gradients stay the graph's. (The shapes above keep them, except the token
     * classification head's.)
     */
    @Test
    void attentionProbabilitiesRecomputedForLongInputs()
    {
        EncoderConfig config = config(32, 2, 4, 48, Activation.GELU_ERF, 0.1);
        assertThat(new Activations(config, false).keepsProbabilities(17)).isFalse();
        assertThat(new Activations(config, false).keepsProbabilities(12)).isTrue();
        compare(config, MaskedTokenHead.create(), 6, 17);
        compare(config, SequenceClassificationHead.weighted(new float[] {1f, 1f, 1f}), 5, 12);
    }

    @Test
    void customHeadRunsInSameDiffOnTheFusedEncoder()
    {
        compare(config(32, 2, 4, 64, Activation.GELU_TANH, 0.1), new RegressionHead(32), 5, 12);
    }

    private static EncoderConfig config(int hidden, int layers, int heads, int intermediate, Activation activation, double dropout)
    {
        return new EncoderConfig(61, hidden, layers, heads, intermediate, 24, 2, 3, dropout, 1e-12, activation, 0.02);
    }

    private static void compare(EncoderConfig config, HeadSpec head, int sequences, int length)
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        ParameterInitializer initializer = new ParameterInitializer(5, 0.2);
        TaskHead task = new TaskHead("probe", 2, head);
        parameters.addMissing(EncoderLayout.parameters(config), initializer);
        parameters.addMissing(HeadLayout.parameters(task.name(), head, config), initializer);
        perturb(parameters);
        Batch batch = batch(config, head, sequences, length, new SplittableRandom(sequences * 31L + length));

        try (SameDiffEngine reference = new SameDiffEngine(config, parameters);
                FusedEngine fused = new FusedEngine(config, parameters, workers)) {
            StepResult expected = copy(reference.gradients(task, batch, 99));
            StepResult actual = copy(fused.gradients(task, batch, 99));
            assertThat(actual.loss()).as("loss").isCloseTo(expected.loss(), withinRelative(expected.loss()));
            assertThat(actual.evaluation().labelled()).isEqualTo(expected.evaluation().labelled());
            assertThat(actual.evaluation().correct()).isEqualTo(expected.evaluation().correct());
            assertThat(actual.gradients().keySet()).containsExactlyInAnyOrderElementsOf(expected.gradients().keySet());
            double largest = expected.gradients().values().stream().mapToDouble(g -> g.amaxNumber().doubleValue()).max().orElseThrow();
            double worst = 0;
            for (Map.Entry<String, INDArray> entry : expected.gradients().entrySet()) {
                worst = Math.max(worst, relativeDifference(entry.getKey(), actual.gradients().get(entry.getKey()), entry.getValue(), largest));
            }
            LOG.info("{} ({}): loss {} vs {}, largest relative gradient difference {}", head, config, actual.loss(), expected.loss(), worst);

            Evaluation expectedEvaluation = reference.evaluate(task, batch);
            Evaluation actualEvaluation = fused.evaluate(task, batch);
            assertThat(actualEvaluation.loss()).as("evaluation loss").isCloseTo(expectedEvaluation.loss(),
                    withinRelative(expectedEvaluation.loss()));
            assertThat(actualEvaluation.correct()).isEqualTo(expectedEvaluation.correct());
            // The class answered for every labelled item, by item, as held-out evaluation counts them into its matrix.
            assertThat(actualEvaluation.predictions()).as("classes answered").isEqualTo(expectedEvaluation.predictions());
            assertThat(actualEvaluation.predictions().length > 0).as("answers recorded").isEqualTo(!(head instanceof RegressionHead));

            if (head instanceof SequenceClassificationHead || head instanceof TokenClassificationHead) {
                compareLogits(reference.logits(task, batch), fused.logits(task, batch), batch, head instanceof TokenClassificationHead);
            }

            // A second step reuses every buffer: it must not see anything of the first. Not bit for bit: the vector
            // loops may run interpreted in one step and JIT-compiled in the next, whose reductions round differently
            // (seen at 1e-8 relative under load); a leftover buffer would show as a difference many orders larger.
            StepResult again = fused.gradients(task, batch, 99);
            assertThat(again.evaluation().predictions()).as("second step's answers").isEqualTo(actual.evaluation().predictions());
            assertThat(again.loss()).as("second step's loss").isCloseTo(actual.loss(), org.assertj.core.data.Offset.offset(1e-6 * Math.abs(actual.loss())));
            for (Map.Entry<String, INDArray> entry : actual.gradients().entrySet()) {
                assertThat(again.gradients().get(entry.getKey()).equalsWithEps(entry.getValue(), 1e-6))
                        .as("second step's gradient of %s", entry.getKey()).isTrue();
            }
        }
    }

    /** The logits of every real position (a token head's padding rows hold whatever the model makes of padding). */
    private static void compareLogits(INDArray expected, INDArray actual, Batch batch, boolean perToken)
    {
        assertThat(actual.shape()).as("shape of the logits").isEqualTo(expected.shape());
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        for (int sequence = 0; sequence < batch.size(); sequence++) {
            int rows = perToken ? batch.lengths()[sequence] : 1;
            for (int position = 0; position < rows; position++) {
                long row = perToken ? (long) sequence * batch.length() + position : sequence;
                double difference = actual.getRow(row).castTo(DataType.DOUBLE).sub(expected.getRow(row).castTo(DataType.DOUBLE))
                        .amaxNumber().doubleValue();
                assertThat(difference / scale).as("logits of row %d", row).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> withinRelative(double value)
    {
        return org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1e-3, Math.abs(value)));
    }

    /**
     * The largest difference relative to the gradient's largest entry (entries near zero carry rounding of that size, not
     * of their own), checked against the tolerance. A gradient that is zero in exact arithmetic (the key bias: softmax
     * does not change when a query's scores all shift by the same amount) is all rounding, so the scale has a floor of a
     * thousandth of the largest entry of all gradients.
     */
    private static double relativeDifference(String name, INDArray actual, INDArray expected, double largestOfAll)
    {
        assertThat(actual).as("gradient of %s", name).isNotNull();
        assertThat(actual.shape()).as("shape of the gradient of %s", name).isEqualTo(expected.shape());
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-3 * largestOfAll);
        double difference = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(difference / scale).as("largest difference in the gradient of %s, relative to %s", name, scale)
                .isLessThanOrEqualTo(TOLERANCE);
        return difference / scale;
    }

    private static StepResult copy(StepResult result)
    {
        Map<String, INDArray> copies = new java.util.HashMap<>();
        result.gradients().forEach((name, gradient) -> copies.put(name, gradient.dup()));
        return new StepResult(result.evaluation(), copies);
    }

    private static void perturb(ModelParameters parameters)
    {
        SplittableRandom random = new SplittableRandom(3);
        for (String name : parameters.names()) {
            INDArray values = parameters.get(name);
            for (long i = 0; i < values.length(); i++) {
                values.putScalar(i, values.getDouble(i) + (random.nextDouble() - 0.5) * 0.2);
            }
        }
    }

    /** Rows of different lengths (the first full), two segments, repeated ids, targets of the head's kind. */
    private static Batch batch(EncoderConfig config, HeadSpec head, int sequences, int length, SplittableRandom random)
    {
        List<Example> examples = new ArrayList<>();
        for (int row = 0; row < sequences; row++) {
            int rowLength = row == 0 ? length : 3 + random.nextInt(length - 2);
            int[] ids = new int[rowLength];
            int[] segments = new int[rowLength];
            for (int i = 0; i < rowLength; i++) {
                ids[i] = i == 0 ? 2 : 5 + random.nextInt(i % 3 == 0 ? 4 : config.vocabularySize() - 5);
                segments[i] = i < rowLength / 2 ? 0 : 1;
            }
            examples.add(new Example(ids, segments, target(head, ids, row, random)));
        }
        return Batch.of(examples, 0);
    }

    private static Target target(HeadSpec head, int[] ids, int row, SplittableRandom random)
    {
        if (head instanceof TokenClassificationHead token) {
            int[] labels = new int[ids.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i == 0 || random.nextInt(4) == 0 ? TokenLabels.IGNORED : random.nextInt(token.numClasses());
            }
            return new TokenLabels(labels);
        }
        if (head instanceof MaskedTokenHead) {
            List<Integer> positions = new ArrayList<>();
            for (int i = 1; i < ids.length; i++) {
                if (random.nextInt(4) == 0 || i == 1) {
                    positions.add(i);
                }
            }
            int[] masked = positions.stream().mapToInt(Integer::intValue).toArray();
            int[] originals = new int[masked.length];
            for (int i = 0; i < masked.length; i++) {
                originals[i] = ids[masked[i]];
                ids[masked[i]] = 4;
            }
            return new MaskedTokens(masked, originals);
        }
        if (head instanceof SequenceClassificationHead sequence) {
            return new SequenceLabel(random.nextInt(sequence.numClasses()));
        }
        return new CustomTarget(new float[] {row * 0.5f - 0.3f, 1f - row});
    }

    /** A regression head on both the pooled output and the masked mean of the sequence output. */
    private static final class RegressionHead
            implements CustomHead
    {
        private final int hidden;

        private RegressionHead(int hidden)
        {
            this.hidden = hidden;
        }

        @Override
        public int targetWidth()
        {
            return 2;
        }

        @Override
        public SDVariable build(CustomHeadGraph graph)
        {
            var sd = graph.sameDiff();
            float[] values = new float[hidden * 2];
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextDouble() - 0.5);
            }
            SDVariable weight = sd.var(graph.name("weight"), Nd4j.create(values, new long[] {hidden, 2}, 'c'));
            SDVariable mask = graph.mask();
            SDVariable summed = graph.sequenceOutput().mul(sd.expandDims(mask, 2)).sum(1);
            SDVariable mean = summed.div(sd.expandDims(mask.sum(1), 1));
            SDVariable error = graph.pooledOutput().add(mean).mmul(weight).sub(graph.targets());
            return error.mul(error).mean();
        }
    }
}
