package org.ernie4j.core.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.embed.TextEncoder;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.fused.FusedEngine;
import org.ernie4j.core.engine.fused.Workers;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published model nobody here trained, imported from its ONNX file and run by ONNX Runtime on the same file: both
 * engines must give ONNX Runtime's last hidden state within 1e-4 on sentences of the sample corpus in padded batches
 * (and on the tokenizer test's hard strings), and TextEncoder's mean-pooled, normalised embeddings must agree with those
 * pooled from ONNX Runtime's output to cosine 0.9999.
 */
class TestOnnxRuntimeOracle
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestOnnxRuntimeOracle.class);
    private static final double TOLERANCE = 1e-4;
    private static final double COSINE = 0.9999;
    /** Sentences per padded batch; a batch mixes lengths from a few pieces to tens. */
    private static final int BATCH = 16;
    /** Every STRIDE-th sentence of the corpus: sentences from every address, in seconds of running. */
    private static final int STRIDE = 100;

    private static ImportedModel model;
    private static List<String> texts;
    /** The texts as padded batches, and ONNX Runtime's last hidden state of each. */
    private static List<List<Example>> batches;
    private static List<float[][][]> onnxOutputs;
    private static OrtEnvironment environment;
    private static OrtSession session;
    private static Workers workers;

    @TempDir
    Path temporary;

    @BeforeAll
    static void importAndStartOnnxRuntime()
            throws OrtException
    {
        model = new OnnxImport(ImportOptions.defaults()).read(TestingMiniLm.directory());
        List<String> sentences = TestingMiniLm.corpusSentences();
        texts = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += STRIDE) {
            texts.add(sentences.get(i));
        }
        texts.addAll(TestHuggingFaceTokenizer.HARD);
        environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(2);
        session = environment.createSession(TestingMiniLm.directory().resolve("model.onnx").toString(), options);
        workers = new Workers(2);
        batches = new ArrayList<>();
        onnxOutputs = new ArrayList<>();
        for (int start = 0; start < texts.size(); start += BATCH) {
            List<Example> examples = examples(texts.subList(start, Math.min(texts.size(), start + BATCH)));
            batches.add(examples);
            onnxOutputs.add(onnxRuntime(Batch.of(examples, model.vocabulary().padId())));
        }
    }

    @AfterAll
    static void close()
            throws OrtException
    {
        session.close();
        workers.close();
    }

    @Test
    void importsEveryInitializerAndSaysWhatItMade()
    {
        EncoderConfig encoder = model.encoder();
        assertThat(List.of(encoder.vocabularySize(), encoder.hidden(), encoder.layers(), encoder.heads(), encoder.intermediate(),
                encoder.maxPositions(), encoder.segmentTypes())).containsExactly(30522, 384, 6, 12, 1536, 512, 2);
        assertThat(encoder.activation()).isEqualTo(org.ernie4j.core.model.Activation.GELU_ERF);
        assertThat(encoder.layerNormEpsilon()).isEqualTo(1e-12);
        List<String> lines = model.report().lines();
        LOG.info("import of all-MiniLM-L6-v2:\n  {}", String.join("\n  ", lines));
        // 102 initializers: 101 weights (36 of them onnx::MatMul_N matrices given their role) and the position ids.
        assertThat(lines).contains("imported 101 tensors")
                .anyMatch(line -> line.startsWith("created: pooler.dense as zeros"))
                .anyMatch(line -> line.startsWith("note: embeddings.position_ids I64[1, 512] counts positions from 0"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"samediff", "fused"})
    void bothEnginesGiveOnnxRuntimesLastHiddenState(String engineName)
    {
        EncoderConfig config = model.encoder().withoutDropout();
        BiFunction<EncoderConfig, ModelParameters, ModelEngine> engines = engineName.equals("fused")
                ? (c, p) -> new FusedEngine(c, p, workers)
                : SameDiffEngine::new;
        double worst = 0;
        int positions = 0;
        long started = System.nanoTime();
        try (ModelEngine engine = engines.apply(config, model.parameters())) {
            for (int index = 0; index < batches.size(); index++) {
                List<Example> examples = batches.get(index);
                INDArray ours = engine.encode(Batch.of(examples, model.vocabulary().padId()), 0).sequence();
                float[][][] theirs = onnxOutputs.get(index);
                for (int item = 0; item < examples.size(); item++) {
                    // Padding positions are computed but mean nothing; only the real pieces are compared.
                    for (int position = 0; position < examples.get(item).length(); position++) {
                        float[] row = ours.slice(item).getRow(position).toFloatVector();
                        for (int i = 0; i < row.length; i++) {
                            worst = Math.max(worst, Math.abs(row[i] - theirs[item][position][i]));
                        }
                        positions++;
                    }
                }
            }
        }
        LOG.info("all-MiniLM-L6-v2 on {} against ONNX Runtime: {} texts in padded batches of {}, {} positions, max abs error {} ({} ms)",
                engineName, texts.size(), BATCH, positions, worst, (System.nanoTime() - started) / 1_000_000);
        assertThat(worst).as("max abs error of the last hidden state").isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void textEncodersSentenceEmbeddingsAreOnnxRuntimesMeanPooled()
    {
        Path imported = new ImportedCheckpoint(new ConfigLoader()).write(model, temporary.resolve("all-minilm-l6-v2"));
        double lowest = 1;
        try (TextEncoder encoder = TextEncoder.load(imported)) {
            assertThat(encoder.hasPooler()).isFalse();
            float[][] ours = encoder.embed(texts, true);
            for (int index = 0; index < batches.size(); index++) {
                List<Example> examples = batches.get(index);
                for (int item = 0; item < examples.size(); item++) {
                    float[] theirs = meanPooled(onnxOutputs.get(index)[item], examples.get(item).length());
                    lowest = Math.min(lowest, cosine(ours[index * BATCH + item], theirs));
                }
            }
            assertThat(encoder.encode(texts.get(0)).pooled()).as("no pooler, no pooled vector").isEmpty();
        }
        LOG.info("all-MiniLM-L6-v2 sentence embeddings (TextEncoder, mean-pooled, normalised) against ONNX Runtime's: lowest cosine {} over {} texts",
                lowest, texts.size());
        assertThat(lowest).isGreaterThanOrEqualTo(COSINE);
    }

    private static List<Example> examples(List<String> batch)
    {
        WordPieceVocabulary vocabulary = model.vocabulary();
        int maxLength = vocabulary.settings().maxLength().orElse(model.encoder().maxPositions());
        List<Example> examples = new ArrayList<>();
        for (String text : batch) {
            InputBuilder input = InputBuilder.start(vocabulary, maxLength);
            int[] pieces = vocabulary.encode(text);
            for (int i = 0; i < pieces.length && input.remaining() > 1; i++) {
                input.add(pieces[i]);
            }
            examples.add(input.separator().build(new SequenceLabel(0)));
        }
        return examples;
    }

    private static float[][][] onnxRuntime(Batch batch)
            throws OrtException
    {
        int rows = batch.size();
        int length = batch.length();
        long[][] ids = new long[rows][length];
        long[][] mask = new long[rows][length];
        long[][] segments = new long[rows][length];
        int[] batchIds = batch.inputIds();
        int[] lengths = batch.lengths();
        for (int row = 0; row < rows; row++) {
            for (int position = 0; position < length; position++) {
                ids[row][position] = batchIds[row * length + position];
                mask[row][position] = position < lengths[row] ? 1 : 0;
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
            inputs.put("token_type_ids", OnnxTensor.createTensor(environment, segments));
            try (OrtSession.Result result = session.run(inputs)) {
                return (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
            }
        }
        finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] meanPooled(float[][] sequence, int length)
    {
        double[] sum = new double[sequence[0].length];
        for (int position = 0; position < length; position++) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += sequence[position][i];
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / length);
        }
        return mean;
    }

    private static double cosine(float[] a, float[] b)
    {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
