package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.embed.Encoding;
import org.ernie4j.core.embed.TextEncoder;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing BERT-layout directories: every tensor accounted for, problems named all at once, the report honest about
 * what was created and left out, and export followed by import exact to the bit, on files on disk.
 */
class TestWeightImport
{
    @TempDir
    Path temporary;

    @Test
    void headsOfABertFileAreRefusedUnlessTheUserSaysWhatToDoWithThem()
    {
        Path bert = TestingOracle.of(TestingOracle.BERT_TANH).directory();
        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults()).read(bert))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining(bert.resolve("model.safetensors").toString())
                .hasMessageContaining("unexpected tensor cls.predictions.transform.dense.weight F32[16, 16]: BERT's masked-LM head;"
                        + " --masked-lm-head TASK imports it as that task's head, or --ignore cls.predictions. leaves it out")
                .hasMessageContaining("unexpected tensor cls.seq_relationship.weight F32[2, 16]: not part of the encoder; --ignore cls.seq_relationship. leaves it out");

        ImportedModel model = new WeightImport(ImportOptions.defaults().withIgnored(List.of("cls."))).read(bert);
        assertThat(model.encoder().taskTypes()).isEqualTo(16);
        assertThat(model.parameters().contains(HeadLayout.transform("mlm") + ".weight")).isFalse();
        assertThat(model.report().lines())
                .contains("created: embeddings.task_type_embeddings.weight [16, 16] as zeros: the file's model has no task embedding,"
                        + " so every task id computes what it computes")
                .contains("ignored as asked: cls.seq_relationship.weight F32[2, 16]")
                .contains("ignored as asked: cls.predictions.decoder.weight F32[50, 16]")
                .anyMatch(line -> line.startsWith("config keys not used") && line.contains("architectures"));
        assertThat(model.parameters().get(EncoderLayout.TASK_EMBEDDING).sumNumber().doubleValue()).isZero();
    }

    @Test
    void missingExtraAndMisShapedTensorsAreNamedTogether()
            throws IOException
    {
        Path copy = copyOf(TestingOracle.ERNIE_ERF);
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsFile.read(copy.resolve("model.safetensors")).tensors());
        tensors.remove("encoder.layer.1.attention.self.key.bias");
        tensors.put("pooler.dense.weight", Tensor.ofFloats(new long[] {16, 8}, new float[128]));
        tensors.put("encoder.layer.2.output.dense.bias", Tensor.ofFloats(new long[] {16}, new float[16]));
        Files.delete(copy.resolve("model.safetensors"));
        new SafetensorsFile(tensors, Map.of()).write(copy.resolve("model.safetensors"));

        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults().withMaskedLmTask("mlm")).read(copy))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("3 problems")
                .hasMessageContaining("missing tensor encoder.layer.1.attention.self.key.bias (ernie4j's layer.1.attention.key.bias, shape [16])")
                .hasMessageContaining("tensor pooler.dense.weight has shape [16, 8] but config.json implies [16, 16]")
                .hasMessageContaining("unexpected tensor encoder.layer.2.output.dense.bias F32[16]: not part of the encoder that config.json describes");
    }

    @Test
    void configurationsOfAnotherArithmeticAreRefusedByKey()
            throws IOException
    {
        Path copy = copyOf(TestingOracle.ERNIE_ERF);
        Path config = copy.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"gelu\"", "\"relu\"").replace("\"absolute\"", "\"relative_key\""));
        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults()).read(copy))
                .hasMessageContaining(config.toString())
                .hasMessageContaining("hidden_act 'relu' is not supported")
                .hasMessageContaining("position_embedding_type 'relative_key' is not supported");

        Path other = copyOf(TestingOracle.ERNIE_ERF);
        Files.writeString(other.resolve("vocab.txt"), Files.readString(other.resolve("vocab.txt")) + "extra\n");
        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults()).read(other))
                .hasMessageContaining(other.resolve("vocab.txt") + ": has 51 pieces but config.json's vocab_size is 50");

        Path withoutTaskIds = copyOf(TestingOracle.ERNIE_ERF);
        Files.writeString(withoutTaskIds.resolve("config.json"), Files.readString(withoutTaskIds.resolve("config.json"))
                .replace("\"use_task_id\": true", "\"use_task_id\": false"));
        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults().withMaskedLmTask("mlm")).read(withoutTaskIds))
                .hasMessageContaining("tensor embeddings.task_type_embeddings.weight is in the file but config.json does not set use_task_id");
        Path ernie = TestingOracle.of(TestingOracle.ERNIE_ERF).directory();
        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults().withMaskedLmTask("mlm").withTaskTypes(2)).read(ernie))
                .hasMessageContaining("--task-types 2 is fewer than the file's 3 task embedding rows");

        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults().withTaskTypes(2)).read(other.resolveSibling("absent")))
                .hasMessageContaining("absent: is not a directory");
    }

    @Test
    void aModelWithoutAPoolerImportsAndHasNoPooledOutput()
            throws IOException
    {
        ImportOptions options = ImportOptions.defaults().withIgnored(List.of("cls."));
        Path withPooler = new ImportedCheckpoint(new ConfigLoader()).write(new WeightImport(options)
                .read(TestingOracle.of(TestingOracle.ERNIE_ERF).directory()), temporary.resolve("with-pooler"));
        Path copy = copyOf(TestingOracle.ERNIE_ERF);
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsFile.read(copy.resolve("model.safetensors")).tensors());
        Tensor poolerBias = tensors.remove("pooler.dense.bias");
        rewrite(copy, tensors);
        assertThatThrownBy(() -> new WeightImport(options).read(copy))
                .as("half a pooler is a broken file, not a model without one")
                .hasMessageContaining("missing tensor pooler.dense.bias");

        tensors.remove("pooler.dense.weight");
        rewrite(copy, tensors);
        ImportedModel model = new WeightImport(options).read(copy);
        assertThat(model.report().lines()).contains("created: pooler.dense as zeros: the file's model has no pooler, so it has no pooled"
                + " output (TextEncoder gives none; use the mean-pooled sentence embedding); a fine-tuned sequence head trains the pooler from zero");
        assertThat(model.parameters().get(EncoderLayout.weight(EncoderLayout.POOLER)).amaxNumber().doubleValue()).isZero();
        assertThat(poolerBias.floats()).as("the fixture's pooler is not zero").isNotEqualTo(new float[poolerBias.floats().length]);
        Path withoutPooler = new ImportedCheckpoint(new ConfigLoader()).write(model, temporary.resolve("without-pooler"));

        String text = "The state of the union is strong.";
        try (TextEncoder full = TextEncoder.load(withPooler); TextEncoder pooless = TextEncoder.load(withoutPooler)) {
            Encoding expected = full.encode(text);
            Encoding actual = pooless.encode(text);
            assertThat(full.hasPooler()).isTrue();
            assertThat(expected.pooled()).isPresent();
            assertThat(pooless.hasPooler()).isFalse();
            assertThat(actual.pooled()).isEmpty();
            assertThat(actual.tokens()).as("the pooler changes no piece's vector").isDeepEqualTo(expected.tokens());
            assertThat(actual.mean()).isEqualTo(expected.mean());
        }
    }

    @Test
    void theTokenizerSettingsOfTheModelTravelWithIt()
            throws IOException
    {
        Path copy = copyOf(TestingOracle.ERNIE_ERF);
        Files.writeString(copy.resolve("tokenizer_config.json"), "{\"do_lower_case\": false, \"model_max_length\": 12}");
        ImportedModel model = new WeightImport(ImportOptions.defaults().withIgnored(List.of("cls."))).read(copy);
        TokenizerSettings cased = new TokenizerSettings(true, true, false, false, 100, OptionalInt.of(12));
        assertThat(model.vocabulary().settings()).isEqualTo(cased);
        assertThat(model.report().lines()).anyMatch(line -> line.startsWith("note: text is tokenized as tokenizer_config.json says"));

        Path imported = new ImportedCheckpoint(new ConfigLoader()).write(model, temporary.resolve("cased"));
        assertThat(PretrainedModel.load(imported).vocabulary().settings()).isEqualTo(cased);
        assertThat(PretrainedModel.tokenizerSettings(imported)).isEqualTo(cased);
        Path exported = temporary.resolve("cased-exported");
        new WeightExport(Optional.empty()).write(PretrainedModel.load(imported), exported);
        assertThat(new WeightImport(ImportOptions.defaults()).read(exported).vocabulary().settings())
                .as("exported with its tokenizer.json, imported again still cased").isEqualTo(cased);
        ConfigLoader loader = new ConfigLoader();
        ErnieConfig continuing = loader.parse("training:\n  initialize-from: " + imported + "\n", "a continued pre-training");
        assertThatThrownBy(() -> CorpusPreparation.options(continuing, false))
                .as("a corpus would be prepared lower-cased for a cased model")
                .hasMessageContaining("training.initialize-from")
                .hasMessageContaining("the model's tokenizer is cased, accents kept");
        assertThat(PretrainedModel.load(withoutTokenizerFiles()).vocabulary().settings()).isEqualTo(TokenizerSettings.UNCASED);
    }

    private Path withoutTokenizerFiles()
    {
        return new ImportedCheckpoint(new ConfigLoader()).write(new WeightImport(ImportOptions.defaults().withIgnored(List.of("cls.")))
                .read(TestingOracle.of(TestingOracle.ERNIE_ERF).directory()), temporary.resolve("uncased"));
    }

    @Test
    void anUntiedDecoderIsRefused()
            throws IOException
    {
        Path copy = copyOf(TestingOracle.BERT_TANH);
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsFile.read(copy.resolve("model.safetensors")).tensors());
        tensors.put("cls.predictions.decoder.weight", Tensor.ofFloats(new long[] {50, 16}, new float[800]));
        Files.delete(copy.resolve("model.safetensors"));
        new SafetensorsFile(tensors, Map.of()).write(copy.resolve("model.safetensors"));
        assertThatThrownBy(() -> new WeightImport(ImportOptions.defaults().withMaskedLmTask("mlm").withIgnored(List.of("cls.seq_relationship."))).read(copy))
                .hasMessageContaining("tensor cls.predictions.decoder.weight differs from embeddings.word_embeddings.weight");
    }

    @Test
    void exportThenImportIsExactOnDisk()
            throws IOException
    {
        ConfigLoader loader = new ConfigLoader();
        Path source = TestingOracle.of(TestingOracle.ERNIE_ERF).directory();
        ImportOptions options = ImportOptions.defaults().withMaskedLmTask("knowledge-masking").withTaskTypes(3);
        Path first = new ImportedCheckpoint(loader).write(new WeightImport(options).read(source), temporary.resolve("first"));

        Path exported = temporary.resolve("exported");
        new WeightExport(Optional.of("knowledge-masking")).write(PretrainedModel.load(first), exported);
        // The file PyTorch wrote and ours hold the same tensors, bit for bit (the tied decoder is not written twice).
        assertThat(SafetensorsFile.read(exported.resolve("model.safetensors")).tensors())
                .isEqualTo(SafetensorsFile.read(source.resolve("model.safetensors")).tensors());
        assertThat(exported.resolve("vocab.txt")).hasSameTextualContentAs(source.resolve("vocab.txt"));

        Path second = new ImportedCheckpoint(loader).write(new WeightImport(options).read(exported), temporary.resolve("second"));
        PretrainedModel before = PretrainedModel.load(first);
        PretrainedModel after = PretrainedModel.load(second);
        assertThat(after.encoder()).isEqualTo(before.encoder());
        assertThat(after.parameters().keySet()).isEqualTo(before.parameters().keySet()).contains(HeadLayout.outputBias("knowledge-masking"));
        for (Map.Entry<String, INDArray> entry : before.parameters().entrySet()) {
            assertThat(after.parameters().get(entry.getKey()).data().asInt()).as(entry.getKey()).isEqualTo(entry.getValue().data().asInt());
        }
        assertThat(after.vocabulary().pieces()).isEqualTo(before.vocabulary().pieces());

        Path again = temporary.resolve("again");
        new WeightExport(Optional.of("knowledge-masking")).write(after, again);
        for (String name : List.of("model.safetensors", "config.json", "vocab.txt")) {
            assertThat(Files.readAllBytes(again.resolve(name))).as(name).isEqualTo(Files.readAllBytes(exported.resolve(name)));
        }
        assertThatThrownBy(() -> new WeightExport(Optional.empty()).write(after, again)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> new ImportedCheckpoint(loader).write(new WeightImport(options).read(exported), second))
                .hasMessageContaining("already exists");
    }

    private static void rewrite(Path directory, Map<String, Tensor> tensors)
            throws IOException
    {
        Files.delete(directory.resolve("model.safetensors"));
        new SafetensorsFile(tensors, Map.of()).write(directory.resolve("model.safetensors"));
    }

    private Path copyOf(String fixture)
            throws IOException
    {
        Path source = TestingOracle.of(fixture).directory();
        Path copy = Files.createTempDirectory(temporary, fixture);
        for (String name : List.of("model.safetensors", "config.json", "vocab.txt")) {
            Files.copy(source.resolve(name), copy.resolve(name));
        }
        return copy;
    }
}
