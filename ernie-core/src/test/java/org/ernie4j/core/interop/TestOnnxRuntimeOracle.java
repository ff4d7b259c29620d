package org.ernie4j.core.interop;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * engines must give ONNX Runtime's last hidden state within 1e-4 on the sentences of the sample corpus in padded batches
 * (and on the tokenizer test's hard strings), and TextEncoder's mean-pooled, normalised embeddings must agree with those
 * pooled from ONNX Runtime's output to cosine 0.9999.
 * <p>
 * Texts are batched in order of length, so that a batch pads little: in corpus order, half of the positions computed were
 * padding. By default every {@value #STRIDE}th batch of the 5,006 sentences (so every length) and every batch holding a
 * hard string goes through ONNX Runtime, both engines and TextEncoder; {@code -Dernie4j.oracle.all=true} runs every
 * sentence (about five minutes on 2 cores, of which the SameDiff engine takes half).
 */
class TestOnnxRuntimeOracle
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestOnnxRuntimeOracle.class);
    private static final double TOLERANCE = 1e-4;
    private static final double COSINE = 0.9999;
    /** Sentences per padded batch. */
    private static final int BATCH = 16;
    /** One length-sorted batch in this many is compared in the default run. */
    private static final int STRIDE = 5;

    private static ImportedModel model;
    /** The texts as padded batches of texts of about the same length, and ONNX Runtime's last hidden state of each. */
    private static List<List<Example>> batches;
    private static List<List<String>> batchTexts;
    private static List<HiddenStates> onnxOutputs;
    private static OrtEnvironment environment;
    private static OrtSession session;
    private static Workers workers;

    @TempDir
    Path temporary;

    @BeforeAll
    static void importAndRunOnnxRuntime()
            throws OrtException
    {
        long started = System.nanoTime();
        model = new OnnxImport(ImportOptions.defaults()).read(TestingMiniLm.directory());
        List<String> texts = new ArrayList<>(TestingMiniLm.corpusSentences());
        texts.addAll(TestHuggingFaceTokenizer.HARD);
        List<Example> examples = new ArrayList<>();
        for (String text : texts) {
            examples.add(example(text));
        }
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> examples.get(i).length()));
        int firstHard = texts.size() - TestHuggingFaceTokenizer.HARD.size();
        boolean all = Boolean.getBoolean("ernie4j.oracle.all");
        batches = new ArrayList<>();
        batchTexts = new ArrayList<>();
        int skipped = 0;
        for (int start = 0; start < order.length; start += BATCH) {
            List<Integer> indices = Arrays.asList(order).subList(start, Math.min(order.length, start + BATCH));
            boolean sampled = all || (start / BATCH) % STRIDE == 0 || indices.stream().anyMatch(index -> index >= firstHard);
            if (!sampled) {
                skipped += indices.size();
                continue;
            }
            batches.add(indices.stream().map(examples::get).toList());
            batchTexts.add(indices.stream().map(texts::get).toList());
        }
        long prepared = System.nanoTime();
        environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(2);
        session = environment.createSession(TestingMiniLm.directory().resolve("model.onnx").toString(), options);
        workers = new Workers(2);
        onnxOutputs = new ArrayList<>();
        for (List<Example> batch : batches) {
            onnxOutputs.add(onnxRuntime(Batch.of(batch, model.vocabulary().padId())));
        }
        LOG.info("all-MiniLM-L6-v2: {} texts ({} of the sample corpus, {} left out: -Dernie4j.oracle.all=true runs them) in {} batches of {};"
                        + " import and tokenization {} ms, ONNX Runtime {} ms",
                texts.size() - skipped, firstHard - skipped, skipped, batches.size(), BATCH, (prepared - started) / 1_000_000,
                (System.nanoTime() - prepared) / 1_000_000);
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
        boolean fused = engineName.equals("fused");
        BiFunction<EncoderConfig, ModelParameters, ModelEngine> engines = fused
                ? (c, p) -> new FusedEngine(c, p, workers)
                : SameDiffEngine::new;
        double worst = 0;
        int texts = 0;
        int positions = 0;
        long started = System.nanoTime();
        try (ModelEngine engine = engines.apply(config, model.parameters())) {
            for (int index = 0; index < batches.size(); index++) {
                List<Example> examples = batches.get(index);
                INDArray ours = engine.encode(Batch.of(examples, model.vocabulary().padId()), 0).sequence();
                HiddenStates theirs = onnxOutputs.get(index);
                assertThat(ours.shape()).as("our output's shape").containsExactly(examples.size(), theirs.length(), theirs.hidden());
                float[] values = ours.dup('c').data().asFloat();
                for (int item = 0; item < examples.size(); item++) {
                    // Padding positions are computed but mean nothing; only the real pieces are compared.
                    for (int position = 0; position < examples.get(item).length(); position++) {
                        for (int i = 0; i < theirs.hidden(); i++) {
                            worst = Math.max(worst, Math.abs(values[theirs.at(item, position, i)] - theirs.value(item, position, i)));
                        }
                        positions++;
                    }
                }
                texts += examples.size();
            }
        }
        LOG.info("all-MiniLM-L6-v2 on {} against ONNX Runtime: {} texts in padded batches of {}, {} positions, max abs error {} ({} ms)",
                engineName, texts, BATCH, positions, worst, (System.nanoTime() - started) / 1_000_000);
        assertThat(texts).as("every text").isEqualTo(batchTexts.stream().mapToInt(List::size).sum());
        assertThat(worst).as("max abs error of the last hidden state").isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void textEncodersSentenceEmbeddingsAreOnnxRuntimesMeanPooled()
    {
        Path imported = new ImportedCheckpoint(new ConfigLoader()).write(model, temporary.resolve("all-minilm-l6-v2"));
        double lowest = 1;
        int texts = 0;
        try (TextEncoder encoder = TextEncoder.load(imported)) {
            assertThat(encoder.hasPooler()).isFalse();
            for (int index = 0; index < batches.size(); index++) {
                float[][] ours = encoder.embed(batchTexts.get(index), true);
                List<Example> examples = batches.get(index);
                for (int item = 0; item < examples.size(); item++) {
                    float[] theirs = onnxOutputs.get(index).meanPooled(item, examples.get(item).length());
                    lowest = Math.min(lowest, cosine(ours[item], theirs));
                    texts++;
                }
            }
            assertThat(encoder.encode(batchTexts.get(0).get(0)).pooled()).as("no pooler, no pooled vector").isEmpty();
        }
        assertThat(texts).as("every text").isEqualTo(batchTexts.stream().mapToInt(List::size).sum());
        LOG.info("all-MiniLM-L6-v2 sentence embeddings (TextEncoder, mean-pooled, normalised) against ONNX Runtime's: lowest cosine {} over {} texts",
                lowest, texts);
        assertThat(lowest).isGreaterThanOrEqualTo(COSINE);
    }

    private static Example example(String text)
    {
        WordPieceVocabulary vocabulary = model.vocabulary();
        InputBuilder input = InputBuilder.start(vocabulary, vocabulary.settings().maxLength().orElse(model.encoder().maxPositions()));
        int[] pieces = vocabulary.encode(text);
        for (int i = 0; i < pieces.length && input.remaining() > 1; i++) {
            input.add(pieces[i]);
        }
        return input.separator().build(new SequenceLabel(0));
    }

    private static HiddenStates onnxRuntime(Batch batch)
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
                OnnxTensor output = (OnnxTensor) result.get("last_hidden_state").orElseThrow();
                long[] shape = output.getInfo().getShape();
                FloatBuffer buffer = output.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return new HiddenStates(values, (int) shape[1], (int) shape[2]);
            }
        }
        finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** One batch's last hidden state as ONNX Runtime gives it: [items, length, hidden], row-major, in one array. */
    private record HiddenStates(float[] values, int length, int hidden)
    {
        int at(int item, int position, int i)
        {
            return (item * length + position) * hidden + i;
        }

        float value(int item, int position, int i)
        {
            return values[at(item, position, i)];
        }

        float[] meanPooled(int item, int pieces)
        {
            double[] sum = new double[hidden];
            for (int position = 0; position < pieces; position++) {
                for (int i = 0; i < hidden; i++) {
                    sum[i] += value(item, position, i);
                }
            }
            float[] mean = new float[hidden];
            for (int i = 0; i < hidden; i++) {
                mean[i] = (float) (sum[i] / pieces);
            }
            return mean;
        }
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
