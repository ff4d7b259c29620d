package org.ernie4j.runner;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ernie4j.core.embed.Encoding;
import org.ernie4j.core.embed.TextEncoder;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * A published model as a user takes it in: all-MiniLM-L6-v2's ONNX file and tokenizer.json (carried by a test-scoped
 * Maven artifact) imported with {@code ernie import}, fine-tuned with {@code finetune}, and pre-trained further on State of
 * the Union addresses with two ERNIE tasks from {@code training.initialize-from}, three steps each; the trained model then
 * exported to ONNX, served by ONNX Runtime to TextEncoder's outputs (with the new task's id), and imported back bit for bit.
 */
class TestPublishedModel
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestPublishedModel.class);

    @TempDir
    Path temporary;

    @Test
    void importFineTuneAndContinuePreTraining()
            throws Exception
    {
        Path published = Files.createDirectories(temporary.resolve("all-minilm-l6-v2"));
        copy("all-minilm-l6-v2.onnx", published.resolve("model.onnx"));
        copy("all-minilm-l6-v2-tokenizer.json", published.resolve("tokenizer.json"));
        Path imported = temporary.resolve("imported");
        TestingErnie.Result result = ernie("import", "--from", published.toString(), "--out", imported.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("imported 101 tensors").contains("created: pooler.dense as zeros")
                .contains("  hidden: 384\n").contains("  heads: 12\n").contains("  activation: gelu-erf\n");

        Path fineTuning = TestingErnie.fineTuning(temporary, imported);
        TestingErnie.Result finetuned = ernie("finetune", "--config", fineTuning.toString());
        assertThat(finetuned.code()).as(finetuned.err()).isZero();
        assertThat(finetuned.out()).contains("best model (epoch 1)");

        Path run = TestingErnie.continueOnTinyCorpus(temporary, result.out(), imported, "knowledge-masking", "capitalization");
        Map<String, INDArray> before = PretrainedModel.load(imported).parameters();
        Map<String, INDArray> after = PretrainedModel.load(run).parameters();
        double moved = Transforms.abs(after.get("layer.5.ffn.out.weight").sub(before.get("layer.5.ffn.out.weight")), false).maxNumber().doubleValue();
        assertThat(moved).as("the last layer trained, by a few learning rates").isGreaterThan(0).isLessThan(1e-2);
        assertThat(after.get(EncoderLayout.TASK_EMBEDDING).getRow(1).amaxNumber().doubleValue()).as("capitalization's task row trained")
                .isGreaterThan(0);

        // The trained model served by ONNX Runtime: its export computes what TextEncoder computes, with capitalization's task row.
        Path onnx = temporary.resolve("onnx");
        TestingErnie.Result export = ernie("export", "--format", "onnx", "--model", run.toString(), "--out", onnx.toString());
        assertThat(export.code()).as(export.err()).isZero();
        String text = "The Congress of the United States must act.";
        double worst = 0;
        try (TextEncoder encoder = new TextEncoder(PretrainedModel.load(run), 1)) {
            Encoding ours = encoder.encode(text);
            float[][] theirs = onnxRuntime(onnx.resolve("model.onnx"), PretrainedModel.load(run).vocabulary(), ours.pieces(), 1);
            for (int position = 0; position < theirs.length; position++) {
                for (int i = 0; i < theirs[position].length; i++) {
                    worst = Math.max(worst, Math.abs(theirs[position][i] - ours.tokens()[position][i]));
                }
            }
        }
        LOG.info("all-MiniLM-L6-v2 pre-trained further here, exported to ONNX: ONNX Runtime against TextEncoder, task id 1, max abs error {}", worst);
        assertThat(worst).as("ONNX Runtime on the exported trained model").isLessThanOrEqualTo(1e-4);
        TestingErnie.Result back = ernie("import", "--from", onnx.toString(), "--out", temporary.resolve("back").toString());
        assertThat(back.code()).as(back.err()).isZero();
        Map<String, INDArray> returned = PretrainedModel.load(temporary.resolve("back")).parameters();
        for (Map.Entry<String, INDArray> entry : returned.entrySet()) {
            assertThat(entry.getValue().data().asInt()).as(entry.getKey()).isEqualTo(after.get(entry.getKey()).data().asInt());
        }
    }

    /** ONNX Runtime's last hidden state of one input (the pieces TextEncoder made), with {@code taskId} at every position. */
    private static float[][] onnxRuntime(Path model, WordPieceVocabulary vocabulary, java.util.List<String> pieces, int taskId)
            throws OrtException
    {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        long[][] ids = {pieces.stream().mapToLong(vocabulary::id).toArray()};
        long[][] ones = {java.util.stream.LongStream.generate(() -> 1).limit(pieces.size()).toArray()};
        long[][] zeros = {new long[pieces.size()]};
        long[][] tasks = {java.util.stream.LongStream.generate(() -> taskId).limit(pieces.size()).toArray()};
        try (OrtSession session = environment.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor idTensor = OnnxTensor.createTensor(environment, ids);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, ones);
                OnnxTensor segmentTensor = OnnxTensor.createTensor(environment, zeros);
                OnnxTensor taskTensor = OnnxTensor.createTensor(environment, tasks);
                OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", segmentTensor,
                        "task_type_ids", taskTensor))) {
            return ((float[][][]) result.get("last_hidden_state").orElseThrow().getValue())[0];
        }
    }

    private static void copy(String resource, Path target)
            throws Exception
    {
        try (InputStream in = TestPublishedModel.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
            Files.copy(in, target);
        }
    }
}
