package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * {@code ernie import} and {@code ernie export} as a user runs them: a BERT-layout directory (the PyTorch oracle's ERNIE
 * fixture) becomes a checkpoint, export and import again give the same bytes, a pre-training run starts from the imported
 * weights (its masked-LM head included) with the imported vocabulary, and a run whose model does not fit is refused by key.
 */
class TestImportExport
{
    private static final String HEAD = "knowledge-masking";

    @TempDir
    Path temporary;

    @Test
    void importExportImportIsExact()
            throws Exception
    {
        Path imported = temporary.resolve("imported");
        TestingErnie.Result first = ernie("import", "--from", resource("bert-layout-tiny"), "--out", imported.toString(), "--masked-lm-head", HEAD);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("imported 45 tensors")
                .contains("created: embeddings.task_type_embeddings.weight rows 3 to 15 as zeros (the file has 3): room for new tasks")
                .contains("wrote " + imported.toAbsolutePath())
                .contains("  hidden: 16\n").contains("  activation: gelu-erf\n").contains("  initialize-from: " + imported.toAbsolutePath());

        Path exported = temporary.resolve("exported");
        TestingErnie.Result export = ernie("export", "--model", imported.toString(), "--out", exported.toString(), "--masked-lm-head", HEAD);
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported " + imported.toAbsolutePath() + " (hidden 16, 2 layers, 50 pieces) to " + exported);
        assertThat(exported.resolve("config.json")).content().contains("\"hidden_act\" : \"gelu\"").contains("\"task_type_vocab_size\" : 16")
                .contains("\"layer_norm_position\" : \"post\"");

        Path again = temporary.resolve("again");
        TestingErnie.Result second = ernie("import", "--from", exported.toString(), "--out", again.toString(), "--masked-lm-head", HEAD);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(again.resolve("parameters.bin"))).isEqualTo(Files.readAllBytes(imported.resolve("parameters.bin")));
        assertThat(Files.readAllBytes(again.resolve("vocab.txt"))).isEqualTo(Files.readAllBytes(imported.resolve("vocab.txt")));

        TestingErnie.Result refused = ernie("import", "--from", exported.toString(), "--out", temporary.resolve("third").toString());
        assertThat(refused.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(refused.err()).contains("error: " + exported.resolve("model.safetensors")).contains("unexpected tensor cls.predictions.bias");
        assertThat(temporary.resolve("third")).doesNotExist();
    }

    @Test
    void fineTuningStartsFromTheImportedModel()
            throws Exception
    {
        Path imported = temporary.resolve("imported");
        TestingErnie.Result result = ernie("import", "--from", resource("bert-layout-tiny"), "--out", imported.toString(), "--ignore", "cls.");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("imported 40 tensors").contains("ignored as asked: cls.predictions.bias F32[50]");
        Path config = TestingErnie.fineTuning(temporary, imported);
        TestingErnie.Result finetuned = ernie("finetune", "--config", config.toString());
        assertThat(finetuned.code()).as(finetuned.err()).isZero();
        assertThat(finetuned.out()).contains("best model (epoch 1)");
    }

    @Test
    void pretrainingStartsFromTheImportedWeights()
            throws Exception
    {
        Path imported = temporary.resolve("imported");
        TestingErnie.Result result = ernie("import", "--from", resource("bert-layout-tiny"), "--out", imported.toString(), "--masked-lm-head", HEAD);
        assertThat(result.code()).as(result.err()).isZero();
        // The configuration the import printed, with a small training budget added to its training section.
        String printed = result.out().substring(result.out().indexOf("model:\n"));
        Path config = temporary.resolve("continue.yaml");
        Files.writeString(config, "corpus:\n  threads: 1\n" + printed.replace("training:\n", """
                training:
                  batch-size: 4
                  sequence-length: 16
                  steps-per-task: 4
                  open-documents: 2
                  warmup-fraction: 0.0
                """) + "tasks:\n  - name: knowledge-masking\n");
        Path run = temporary.resolve("run");
        TestingErnie.Result trained = ernie("pretrain", "--max-steps", "1", "--config", config.toString(), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(trained.code()).as(trained.err() + "\n" + Files.readString(config)).isZero();
        assertThat(trained.out()).contains("stopped at step 1 of 4");
        assertThat(run.resolve("prepared/vocab.txt")).hasSameTextualContentAs(imported.resolve("vocab.txt"));

        // One AdamW step moves each weight by about the learning rate: far less than the distance to any fresh initialisation.
        Map<String, INDArray> before = PretrainedModel.load(imported).parameters();
        Map<String, INDArray> after = PretrainedModel.load(run).parameters();
        for (String name : List.of(EncoderLayout.TOKEN_EMBEDDING, "layer.1.ffn.out.weight", EncoderLayout.weight(EncoderLayout.POOLER),
                HeadLayout.transform(HEAD) + ".weight", HeadLayout.outputBias(HEAD))) {
            double distance = Transforms.abs(after.get(name).sub(before.get(name)), false).maxNumber().doubleValue();
            assertThat(distance).as(name).isLessThan(1e-3);
        }
        assertThat(Transforms.abs(after.get(EncoderLayout.TOKEN_EMBEDDING).sub(before.get(EncoderLayout.TOKEN_EMBEDDING)), false).maxNumber().doubleValue())
                .as("the token embedding trained").isGreaterThan(0);

        // What the run trained goes out and comes back exactly, its masked-LM head included.
        Path exported = temporary.resolve("exported");
        TestingErnie.Result export = ernie("export", "--model", run.toString(), "--out", exported.toString(), "--masked-lm-head", HEAD);
        assertThat(export.code()).as(export.err()).isZero();
        Path back = temporary.resolve("back");
        TestingErnie.Result reimport = ernie("import", "--from", exported.toString(), "--out", back.toString(), "--masked-lm-head", HEAD);
        assertThat(reimport.code()).as(reimport.err()).isZero();
        Map<String, INDArray> returned = PretrainedModel.load(back).parameters();
        assertThat(returned).hasSize(45);
        for (Map.Entry<String, INDArray> entry : returned.entrySet()) {
            assertThat(entry.getValue().data().asInt()).as(entry.getKey()).isEqualTo(after.get(entry.getKey()).data().asInt());
        }

        Path other = temporary.resolve("other.yaml");
        Files.writeString(other, Files.readString(config).replace("  hidden: 16", "  hidden: 32").replace("  heads: 2", "  heads: 4"));
        TestingErnie.Result refused = ernie("pretrain", "--config", other.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                temporary.resolve("other-run").toString());
        assertThat(refused.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(refused.err()).contains("training.initialize-from").contains("model.hidden is 32 but the model's is 16")
                .contains("model.heads is 4 but the model's is 2");
    }
}
