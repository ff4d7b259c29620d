package org.ernie4j.core.baseline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.finetune.FinetuneData;
import org.ernie4j.core.finetune.LabelledItem;
import org.ernie4j.core.finetune.MetricsFile;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A linear probe: the same linear classifier and protocol as the {@link LexicalBaseline}, on what a pre-trained encoder
 * gives before any fine-tuning. Each text is read as the encoder reads it in {@code training.max-length} pieces and
 * encoded alone by the frozen encoder; its feature vector is the mean of its pieces' vectors, and a pair's is the
 * element-wise distance and product of its two texts' vectors and their cosine (symmetric: which text comes first does
 * not matter, and a pair label is about how the two relate). Features are standardised on the training items.
 *
 * <p>What it measures: what pre-training put into the encoder's representations, apart from what fine-tuning does with
 * them. With {@code initialize: random} the encoder has fresh weights drawn from {@code training.seed}, as a fine-tuning
 * without pre-training starts from: the probe's floor. Sequence data only.
 */
@PublicApi
public final class FrozenEncoderProbe
{
    public static final String MODEL_NAME = "linear probe on the frozen encoder of";

    private final FinetuneConfig config;
    private final Optional<PretrainedModel> model;

    /** Probes the encoder the configuration's {@code model} names. */
    public FrozenEncoderProbe(FinetuneConfig config)
    {
        this.config = requireNonNull(config, "config is null");
        this.model = Optional.empty();
    }

    /** Probes an encoder already loaded (an application's, or a test's); the configuration's {@code model} only names it. */
    public FrozenEncoderProbe(FinetuneConfig config, PretrainedModel model)
    {
        this.config = requireNonNull(config, "config is null");
        this.model = Optional.of(requireNonNull(model, "model is null"));
    }

    /**
     * Encodes, trains, evaluates and writes {@code metrics.json} into the configuration's output directory.
     *
     * @param progress hears one line per epoch
     */
    public BaselineResult run(Consumer<String> progress)
    {
        return run(List.of(config.training().seed()), seed -> Path.of(config.output()), progress).get(0);
    }

    /**
     * A probe for each seed, with the configuration's other settings, each writing {@code metrics.json} into
     * {@code outputs.apply(seed)}. A pre-trained encoder's vectors do not depend on the seed, so each text is encoded once
     * for all of them; with {@code initialize: random} each seed draws its own weights and the texts are encoded again.
     */
    public List<BaselineResult> run(List<Long> seeds, LongFunction<Path> outputs, Consumer<String> progress)
    {
        if (!config.data().kind().equals("sequence")) {
            throw new IllegalArgumentException("data.kind: the frozen-encoder probe reads texts and pairs (sequence), not " + config.data().kind());
        }
        PretrainedModel loaded = model.orElseGet(() -> PretrainedModel.load(Path.of(config.model())));
        // Dense features, none hashed: as many positions as a pair's 2 x hidden + 1 features need.
        int bits = 32 - Integer.numberOfLeadingZeros(2 * loaded.encoder().hidden());
        boolean fresh = config.initialize().equals("random");
        List<BaselineResult> results = new ArrayList<>();
        try (EncodedTexts shared = fresh ? null : new EncodedTexts(loaded, config.training())) {
            for (long seed : seeds) {
                FinetuneConfig.Training training = config.training().withSeed(seed);
                if (fresh) {
                    try (EncodedTexts own = new EncodedTexts(freshWeights(loaded, seed), training)) {
                        results.add(probe(own, training, bits, outputs.apply(seed), progress));
                    }
                }
                else {
                    results.add(probe(shared, training, bits, outputs.apply(seed), progress));
                }
            }
        }
        return results;
    }

    private BaselineResult probe(EncodedTexts texts, FinetuneConfig.Training training, int bits, Path output, Consumer<String> progress)
    {
        FinetuneData data = FinetuneData.load(config.data(), training.seed());
        long start = System.nanoTime();
        int encodedBefore = texts.encoded();
        List<float[]> train = texts.vectors(data.train());
        List<float[]> dev = texts.vectors(data.dev());
        List<float[]> test = texts.vectors(data.test());
        progress.accept(String.format("seed %d: %d items, %d texts encoded with the frozen encoder of %s (%s, %s) in %.1f s", training.seed(),
                train.size() + dev.size() + test.size(), texts.encoded() - encodedBefore, config.model(), config.initialize(), texts.engine(),
                (System.nanoTime() - start) / 1e9));
        Standardization standardization = Standardization.fit(train);
        Instances trainInstances = instances(train, data.train(), standardization, data.labels());
        Instances devInstances = instances(dev, data.dev(), standardization, data.labels());
        Instances testInstances = instances(test, data.test(), standardization, data.labels());
        BaselineResult result = LinearTraining.run(trainInstances, devInstances, testInstances, data.labels(), bits, training, progress);
        new MetricsFile(MODEL_NAME + " " + config.model(), config.initialize(), data.labels(), training.metric(), result.devHistory(), result.bestEpoch(),
                result.test(), null).writeTo(output);
        return result;
    }

    /** Fresh weights of the model's shape drawn from the seed: the same draw a fine-tuning from random weights makes (FineTuner). */
    private static PretrainedModel freshWeights(PretrainedModel loaded, long seed)
    {
        ModelParameters fresh = new ModelParameters(DataType.FLOAT);
        fresh.addMissing(EncoderLayout.parameters(loaded.encoder()), new ParameterInitializer(seed, loaded.encoder().initializerRange()));
        Map<String, INDArray> parameters = new HashMap<>();
        fresh.names().forEach(name -> parameters.put(name, fresh.get(name)));
        return new PretrainedModel(loaded.source(), loaded.encoder(), loaded.vocabulary(), parameters, loaded.tasks());
    }

    private static Instances instances(List<float[]> vectors, List<LabelledItem> items, Standardization standardization, List<String> labels)
    {
        List<FeatureVector> features = new ArrayList<>(vectors.size());
        vectors.forEach(vector -> features.add(FeatureVector.dense(standardization.apply(vector))));
        return Instances.ofItems(features, items, labels);
    }
}
