package org.ernie4j.core.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.ernie4j.core.testing.TestingModels;
import org.ernie4j.core.testing.TestingResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The linear probe on a frozen encoder, on 30-word passages of the three test addresses and an encoder over their
 * vocabulary whose weights were never trained.
 */
class TestFrozenEncoderProbe
{
    /**
     * One layer of hidden 128 over the test addresses' vocabulary, its weights drawn by the probe itself
     * ({@code initialize: random}): the piece vectors are random, and their mean a random projection of which words a
     * passage has, wide enough to keep most of it.
     */
    private static final PretrainedModel WIDE_UNTRAINED = new PretrainedModel(Path.of("wide-untrained"),
            new EncoderConfig(TestingModels.sotuVocabulary().size(), 128, 1, 2, 256, 48, 2, 3, 0.1, 1e-12, Activation.GELU_ERF, 0.02),
            TestingModels.sotuVocabulary(), Map.of(), List.of());

    @TempDir
    Path directory;

    @Test
    void tellsTheAddressOfAPassageFromTheEncodersVectorsAndWritesTheMetricsFile()
            throws IOException
    {
        List<List<String>> splits = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int address = 0; address < TestingInferenceModels.ADDRESSES.size(); address++) {
            String[] words = TestingResources.sotuText(TestingInferenceModels.ADDRESSES.get(address)).strip().split("\\s+");
            for (int start = 0, i = 0; start + 30 <= words.length; start += 30, i++) {
                String passage = String.join(" ", Arrays.asList(words).subList(start, start + 30));
                splits.get(i % 5 == 3 ? 1 : i % 5 == 4 ? 2 : 0).add("address-" + address + "\t" + passage);
            }
        }
        FinetuneConfig config = config("random", "sequence", splits);

        BaselineResult result = new FrozenEncoderProbe(config, WIDE_UNTRAINED).run(line -> { });

        // Three classes: chance is about a third.
        assertThat(result.test().macroF1()).isGreaterThan(0.6);
        JsonNode metrics = new ObjectMapper().readTree(directory.resolve("out/metrics.json").toFile());
        assertThat(metrics.path("model").asText()).startsWith(FrozenEncoderProbe.MODEL_NAME);
        assertThat(metrics.path("initialize").asText()).isEqualTo("random");
        assertThat(metrics.path("test").path("items").asLong()).isEqualTo(splits.get(2).size());
        assertThat(metrics.path("test").path("macro_f1").asDouble()).isCloseTo(result.test().macroF1(), within(1e-12));
    }

    @Test
    void aPairsVectorDoesNotDependOnWhichTextComesFirst()
    {
        float[] first = {0.5f, -1.25f, 3f, 0f};
        float[] second = {-2f, 0.75f, 3f, 1.5f};

        float[] pair = PairVector.of(first, second);

        assertThat(PairVector.of(second, first)).containsExactly(pair);
        assertThat(pair).hasSize(9);
        assertThat(pair[0]).isEqualTo(2.5f);
        assertThat(pair[4]).isEqualTo(-1f);
        double cosine = (-1 - 0.9375 + 9) / Math.sqrt((0.25 + 1.5625 + 9) * (4 + 0.5625 + 9 + 2.25));
        assertThat((double) pair[8]).isCloseTo(cosine, within(1e-6));
    }

    @Test
    void standardizationCentresAndScalesEachPositionOnTheTrainingVectorsAndLeavesConstantOnesAtZero()
    {
        List<float[]> training = List.of(new float[] {1, 10, 7}, new float[] {3, 30, 7}, new float[] {5, 20, 7});

        Standardization standardization = Standardization.fit(training);

        float[][] standardized = training.stream().map(standardization::apply).toArray(float[][]::new);
        for (int position = 0; position < 2; position++) {
            double mean = 0;
            double squares = 0;
            for (float[] vector : standardized) {
                mean += vector[position] / 3.0;
                squares += vector[position] * vector[position] / 3.0;
            }
            assertThat(mean).isCloseTo(0, within(1e-6));
            assertThat(squares).isCloseTo(1, within(1e-5));
        }
        assertThat(standardization.apply(new float[] {3, 20, 9})).containsExactly(0f, 0f, 0f);
    }

    @Test
    void tokenDataIsRefusedNamingTheKey()
            throws IOException
    {
        List<List<String>> splits = List.of(List.of("The\tcapitalized", "union\tlower", ""), List.of("A\tcapitalized", "b\tlower", ""),
                List.of("C\tcapitalized", "d\tlower", ""));
        FinetuneConfig config = config("pretrained", "token", splits);

        assertThatThrownBy(() -> new FrozenEncoderProbe(config, TestingInferenceModels.encoder()).run(line -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.kind")
                .hasMessageContaining("token");
    }

    private FinetuneConfig config(String initialize, String kind, List<List<String>> splits)
            throws IOException
    {
        List<String> names = List.of("train", "dev", "test");
        for (int split = 0; split < 3; split++) {
            Files.write(directory.resolve(names.get(split) + ".tsv"), splits.get(split));
        }
        Path file = Files.writeString(directory.resolve("probe.yaml"), String.format(Locale.ROOT, """
                model: the-testing-encoder
                initialize: %s
                data:
                  kind: %s
                  train: %s
                  dev: %s
                  test: %s
                training:
                  seed: 3
                  epochs: 10
                  max-length: 32
                  metric: macro-f1
                output: %s
                """, initialize, kind, directory.resolve("train.tsv"), directory.resolve("dev.tsv"), directory.resolve("test.tsv"), directory.resolve("out")));
        return new ConfigLoader().loadFinetune(file);
    }
}
