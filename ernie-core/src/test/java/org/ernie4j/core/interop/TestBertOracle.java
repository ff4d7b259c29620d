package org.ernie4j.core.interop;

import java.util.List;
import java.util.function.BiFunction;

import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.engine.fused.FusedEngine;
import org.ernie4j.core.engine.fused.Workers;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ernie4j against an implementation it did not write: weights made and run by PyTorch (from torch.nn building blocks,
 * see {@code src/test/python/make_bert_oracle.py}) are imported from safetensors with their Hugging Face names, and both
 * engines must reproduce PyTorch's sequence and pooled outputs within 1e-5 and the gradients of one masked-LM step (tied
 * output embedding, BERT's prediction head) within 1e-4, for the ERNIE layout with exact GELU and for the BERT layout
 * with tanh GELU, another epsilon and a {@code bert.} prefix.
 */
class TestBertOracle
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestBertOracle.class);
    private static final double OUTPUT_TOLERANCE = 1e-5;
    private static final double GRADIENT_TOLERANCE = 1e-4;
    private static final String TASK = "mlm";
    private static Workers workers;

    @BeforeAll
    static void startWorkers()
    {
        workers = new Workers(2);
    }

    @AfterAll
    static void stopWorkers()
    {
        workers.close();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"ernie-tiny-erf, samediff", "ernie-tiny-erf, fused", "bert-tiny-tanh, samediff", "bert-tiny-tanh, fused"})
    void reproducesPyTorch(String fixture, String engineName)
    {
        TestingOracle oracle = TestingOracle.of(fixture);
        ImportedModel model = new WeightImport(ImportOptions.defaults().withMaskedLmTask(TASK).withIgnored(List.of("cls.seq_relationship.")))
                .read(oracle.directory());
        EncoderConfig config = model.encoder().withoutDropout();
        BiFunction<EncoderConfig, ModelParameters, ModelEngine> engines = engineName.equals("fused")
                ? (c, p) -> new FusedEngine(c, p, workers)
                : SameDiffEngine::new;
        try (ModelEngine engine = engines.apply(config, model.parameters())) {
            EncoderOutputs outputs = engine.encode(oracle.inputs(), oracle.taskId());
            double sequenceError = maxAbsDifference(outputs.sequence(), oracle.array("sequence_output"));
            double pooledError = maxAbsDifference(outputs.pooled(), oracle.array("pooled_output"));

            StepResult step = engine.gradients(new TaskHead(TASK, oracle.taskId(), MaskedTokenHead.create()), oracle.maskedLmStep(), 7);
            double lossError = Math.abs(step.loss() - oracle.array("mlm.loss").getDouble(0));
            double gradientError = 0;
            String worst = "";
            String prefix = fixture.equals(TestingOracle.BERT_TANH) ? "bert." : "";
            List<BertParameterNames.Mapping> mappings = new java.util.ArrayList<>(BertParameterNames.encoder(config));
            mappings.addAll(BertParameterNames.maskedLmHead(TASK));
            for (BertParameterNames.Mapping mapping : mappings) {
                String name = "grad." + (mapping.theirs().startsWith("cls.") ? "" : prefix) + mapping.theirs();
                INDArray actual = gradient(step, model.parameters(), mapping.ours());
                INDArray expected;
                if (mapping.ours().equals(EncoderLayout.TASK_EMBEDDING)) {
                    expected = expectedTaskGradient(oracle, name, actual, step, model.parameters());
                }
                else {
                    expected = TensorLayout.toArray(oracle.tensor(name), mapping.transposed());
                }
                double error = maxAbsDifference(actual, expected);
                if (error > gradientError) {
                    gradientError = error;
                    worst = mapping.theirs();
                }
            }
            LOG.info("{} on {}: max abs error sequence {}, pooled {}, loss {}, gradients {} ({})", fixture, engineName, sequenceError, pooledError,
                    lossError, gradientError, worst);
            assertThat(sequenceError).as("sequence output").isLessThanOrEqualTo(OUTPUT_TOLERANCE);
            assertThat(pooledError).as("pooled output").isLessThanOrEqualTo(OUTPUT_TOLERANCE);
            assertThat(lossError).as("masked-LM loss").isLessThanOrEqualTo(OUTPUT_TOLERANCE);
            assertThat(gradientError).as("gradient of " + worst).isLessThanOrEqualTo(GRADIENT_TOLERANCE);
        }
    }

    private static INDArray gradient(StepResult step, ModelParameters parameters, String name)
    {
        // A parameter off the loss path (the pooler, for a masked-LM step) has no gradient: it is zero.
        INDArray gradient = step.gradients().get(name);
        return gradient == null ? Nd4j.zerosLike(parameters.get(name)) : gradient;
    }

    /**
     * PyTorch's task embedding has the file's rows; ours has more (zeros beyond). With no task embedding in the file (plain
     * BERT), the gradient of our zero row still has a PyTorch counterpart: the sum of the position embedding's gradient,
     * since both are the sum over all positions of the embedding sum's gradient.
     */
    private static INDArray expectedTaskGradient(TestingOracle oracle, String name, INDArray actual, StepResult step, ModelParameters parameters)
    {
        INDArray expected = Nd4j.zerosLike(actual);
        if (oracle.has(name)) {
            INDArray rows = oracle.array(name);
            expected.get(NDArrayIndex.interval(0, rows.rows()), NDArrayIndex.all()).assign(rows);
        }
        else {
            String positions = name.replace("task_type_embeddings", "position_embeddings");
            expected.getRow(oracle.taskId()).assign(oracle.array(positions).sum(0));
        }
        return expected;
    }

    private static double maxAbsDifference(INDArray actual, INDArray expected)
    {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        return Transforms.abs(actual.castTo(expected.dataType()).sub(expected), false).maxNumber().doubleValue();
    }
}
