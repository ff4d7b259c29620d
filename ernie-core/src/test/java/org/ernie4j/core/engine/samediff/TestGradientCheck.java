package org.ernie4j.core.engine.samediff;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.StepResult;
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
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finite-difference check, in double precision, of every parameter gradient of the encoder and of each head kind,
 * including the embedding gradients that are scattered outside the graph and the tied output weights of the masked-token
 * head.
 */
class TestGradientCheck
{
    private static final int VOCABULARY = 23;
    private static final double EPSILON = 1e-6;
    private static final double TOLERANCE = 1e-5;

    @Test
    void sequenceClassificationHead()
    {
        check(SequenceClassificationHead.weighted(new float[] {1f, 2f, 0.5f}), row -> new SequenceLabel(row % 3), Activation.GELU_TANH);
    }

    @Test
    void tokenClassificationHead()
    {
        check(TokenClassificationHead.of(2), row -> null, Activation.GELU_TANH);
    }

    @Test
    void maskedTokenHeadWithTiedOutputWeights()
    {
        check(MaskedTokenHead.create(), row -> null, Activation.GELU_ERF);
    }

    @Test
    void customHead()
    {
        check(new SquaredErrorHead(), row -> new CustomTarget(new float[] {row * 0.5f - 0.3f, 1f - row}), Activation.GELU_TANH);
    }

    private interface Targets
    {
        Target forRow(int row);
    }

    private static void check(HeadSpec head, Targets sequenceTargets, Activation activation)
    {
        EncoderConfig config = new EncoderConfig(VOCABULARY, 8, 2, 2, 12, 10, 2, 3, 0.0, 1e-12, activation, 0.3);
        ModelParameters parameters = new ModelParameters(DataType.DOUBLE);
        ParameterInitializer initializer = new ParameterInitializer(7, 0.3);
        parameters.addMissing(EncoderLayout.parameters(config), initializer);
        parameters.addMissing(HeadLayout.parameters("probe", head, config), initializer);
        perturb(parameters);
        TaskHead task = new TaskHead("probe", 1, head);
        Batch batch = batch(head, sequenceTargets);

        try (SameDiffEngine engine = new SameDiffEngine(config, parameters)) {
            StepResult result = engine.gradients(task, batch, 0);
            assertThat(result.loss()).isFinite().isPositive();
            List<String> checked = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(11);
            for (String name : parameters.names()) {
                INDArray gradient = result.gradients().get(name);
                INDArray values = parameters.get(name);
                for (int trial = 0; trial < Math.min(6, values.length()); trial++) {
                    long index = random.nextLong(values.length());
                    // A parameter off the loss path (the pooler under a token head) has no gradient: it must not matter.
                    double analytic = gradient == null ? 0 : gradient.getDouble(index);
                    double numeric = numericGradient(engine, task, batch, values, index);
                    assertThat(Math.abs(analytic - numeric))
                            .as("d loss / d %s[%d]: analytic %s, numeric %s", name, index, analytic, numeric)
                            .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(numeric)));
                }
                if (gradient != null) {
                    checked.add(name);
                }
            }
            assertThat(checked).contains(EncoderLayout.TOKEN_EMBEDDING, EncoderLayout.TASK_EMBEDDING,
                    EncoderLayout.POSITION_EMBEDDING, EncoderLayout.SEGMENT_EMBEDDING, "layer.1.ffn.out.weight");
            if (head instanceof SequenceClassificationHead || head instanceof CustomHead) {
                assertThat(checked).contains("pooler.weight");
            }
        }
    }

    private static double numericGradient(SameDiffEngine engine, TaskHead task, Batch batch, INDArray values, long index)
    {
        double original = values.getDouble(index);
        values.putScalar(index, original + EPSILON);
        double plus = engine.evaluate(task, batch).loss();
        values.putScalar(index, original - EPSILON);
        double minus = engine.evaluate(task, batch).loss();
        values.putScalar(index, original);
        return (plus - minus) / (2 * EPSILON);
    }

    /** Biases start at zero and gains at one; move them so that their gradients are tested away from that point. */
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

    /** Three rows of different lengths (padding), two segments, ids that repeat (the scatter must accumulate). */
    private static Batch batch(HeadSpec head, Targets sequenceTargets)
    {
        int[][] ids = {{2, 7, 7, 9, 3, 11, 12, 3}, {2, 5, 6, 3}, {2, 8, 9, 10, 7, 3}};
        int[][] segments = {{0, 0, 0, 0, 0, 1, 1, 1}, {0, 0, 0, 0}, {0, 0, 0, 1, 1, 1}};
        List<Example> examples = new ArrayList<>();
        for (int row = 0; row < ids.length; row++) {
            Target target;
            if (head instanceof TokenClassificationHead) {
                int[] labels = new int[ids[row].length];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = i == 0 || i == labels.length - 1 ? TokenLabels.IGNORED : (ids[row][i] + i) % 2;
                }
                target = new TokenLabels(labels);
            }
            else if (head instanceof MaskedTokenHead) {
                target = new MaskedTokens(new int[] {1, 2}, new int[] {ids[row][1], 20 - row});
            }
            else {
                target = sequenceTargets.forRow(row);
            }
            examples.add(new Example(ids[row], segments[row], target));
        }
        return Batch.of(examples, 0);
    }

    /** A regression head written against the custom-head escape hatch, with its loss from primitives. */
    private static final class SquaredErrorHead
            implements CustomHead
    {
        @Override
        public int targetWidth()
        {
            return 2;
        }

        @Override
        public SDVariable build(CustomHeadGraph graph)
        {
            SDVariable weight = graph.sameDiff().var(graph.name("weight"), org.nd4j.linalg.factory.Nd4j.rand(DataType.DOUBLE, 8, 2));
            SDVariable error = graph.pooledOutput().mmul(weight).sub(graph.targets());
            return error.mul(error).mean();
        }
    }

}
