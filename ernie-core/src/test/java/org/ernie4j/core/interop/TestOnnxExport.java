package org.ernie4j.core.interop;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code model.onnx} as ernie4j writes it, run by ONNX Runtime: the same last hidden state and pooled output as the SameDiff
 * engine within 1e-4, with a task id other than 0, on both GELU forms (the PyTorch oracle's fixtures, whose weights are
 * large enough that every part of the computation shows); read back by the ONNX import bit for bit; its tokenizer.json
 * read by Hugging Face's tokenizers.
 */
class TestOnnxExport
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestOnnxExport.class);
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path temporary;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestingOracle.ERNIE_ERF, TestingOracle.BERT_TANH})
    void onnxRuntimeComputesWhatTheEngineComputes(String fixture)
            throws OrtException
    {
        TestingOracle oracle = TestingOracle.of(fixture);
        ImportedModel imported = new WeightImport(ImportOptions.defaults().withIgnored(List.of("cls."))).read(oracle.directory());
        // A task row that is not zero, so that the task embedding shows in the outputs.
        imported.parameters().get(org.ernie4j.core.model.EncoderLayout.TASK_EMBEDDING).getRow(2).assign(0.25);
        PretrainedModel model = PretrainedModel.load(new ImportedCheckpoint(new ConfigLoader()).write(imported, temporary.resolve("model")));
        Path exported = temporary.resolve("exported");
        new OnnxExport().write(model, exported);

        Batch batch = oracle.inputs();
        int taskId = 2;
        EncoderOutputs ours;
        try (SameDiffEngine engine = new SameDiffEngine(model.encoder().withoutDropout(), model.encoderParameters())) {
            ours = engine.encode(batch, taskId);
        }
        float[][][][] theirs = run(exported.resolve(OnnxImport.MODEL), batch, taskId);
        double sequenceError = 0;
        double pooledError = 0;
        for (int item = 0; item < batch.size(); item++) {
            for (int position = 0; position < batch.lengths()[item]; position++) {
                sequenceError = Math.max(sequenceError, maxDifference(ours.sequence().slice(item).getRow(position).toFloatVector(),
                        theirs[0][item][position]));
            }
            pooledError = Math.max(pooledError, maxDifference(ours.pooled().getRow(item).toFloatVector(), theirs[1][0][item]));
        }
        LOG.info("{} exported to ONNX, run by ONNX Runtime with task id {}: max abs error sequence {}, pooled {}", fixture, taskId, sequenceError,
                pooledError);
        assertThat(sequenceError).isLessThanOrEqualTo(TOLERANCE);
        assertThat(pooledError).isLessThanOrEqualTo(TOLERANCE);

        ImportedModel back = new OnnxImport(ImportOptions.defaults()).read(exported);
        assertThat(model.differences(back.encoder())).as("all but dropout, which an ONNX file does not record").isEmpty();
        ModelParameters parameters = model.encoderParameters();
        for (String name : parameters.names()) {
            assertThat(back.parameters().get(name).data().asInt()).as(name).isEqualTo(parameters.get(name).data().asInt());
        }
        assertThat(back.vocabulary().pieces()).isEqualTo(model.vocabulary().pieces());
        assertThatThrownBy(() -> new OnnxExport().write(model, exported)).hasMessageContaining("already exists");
    }

    @Test
    void itsTokenizerJsonIsReadByHuggingFacesTokenizers()
            throws Exception
    {
        ImportedModel minilm = new OnnxImport(ImportOptions.defaults()).read(TestingMiniLm.directory());
        Path file = temporary.resolve(TokenizerJson.FILE);
        TokenizerJson.write(minilm.vocabulary(), file);
        assertThat(TokenizerJson.read(file).vocabulary().settings()).isEqualTo(minilm.vocabulary().settings());
        try (HuggingFaceTokenizer theirs = HuggingFaceTokenizer.builder().optTokenizerPath(file).optTruncation(false).optPadding(false).build()) {
            for (String text : TestHuggingFaceTokenizer.HARD) {
                long[] ids = theirs.encode(text).getIds();
                int[] pieces = minilm.vocabulary().encode(text);
                assertThat(ids).as(text).hasSize(pieces.length + 2);
                for (int i = 0; i < pieces.length; i++) {
                    assertThat(ids[i + 1]).as(text).isEqualTo(pieces[i]);
                }
            }
        }
    }

    /** {last_hidden_state, pooler_output (wrapped to keep one type)}. */
    private static float[][][][] run(Path file, Batch batch, int taskId)
            throws OrtException
    {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        int rows = batch.size();
        int length = batch.length();
        long[][] ids = new long[rows][length];
        long[][] mask = new long[rows][length];
        long[][] segments = new long[rows][length];
        long[][] tasks = new long[rows][length];
        int[] batchIds = batch.inputIds();
        int[] batchSegments = batch.segmentIds();
        for (int row = 0; row < rows; row++) {
            for (int position = 0; position < length; position++) {
                ids[row][position] = batchIds[row * length + position];
                segments[row][position] = batchSegments[row * length + position];
                mask[row][position] = position < batch.lengths()[row] ? 1 : 0;
                tasks[row][position] = taskId;
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions())) {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
            inputs.put("token_type_ids", OnnxTensor.createTensor(environment, segments));
            inputs.put("task_type_ids", OnnxTensor.createTensor(environment, tasks));
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] sequence = (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
                float[][] pooled = (float[][]) result.get("pooler_output").orElseThrow().getValue();
                return new float[][][][] {sequence, {pooled}};
            }
        }
        finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static double maxDifference(float[] a, float[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
