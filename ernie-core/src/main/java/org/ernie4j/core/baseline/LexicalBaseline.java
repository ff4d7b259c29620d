package org.ernie4j.core.baseline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.finetune.FinetuneData;
import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.finetune.ItemEncoder;
import org.ernie4j.core.finetune.LabelledItem;
import org.ernie4j.core.finetune.MetricsFile;
import org.ernie4j.core.pretrained.PretrainedModel;

import static java.util.Objects.requireNonNull;

/**
 * A linear classifier on surface words, trained on a fine-tuning configuration's data under its protocol: the same
 * train, dev and test items and labels, the same seed, at most {@code training.epochs} epochs, the best dev epoch by
 * {@code training.metric}, early stopping after {@code training.patience} epochs without improvement. It writes
 * {@code metrics.json} like a fine-tuning, with {@code model: lexical baseline}, so the downstream table reads it
 * alike. There is no encoder: the learning rate and the encoder's settings are not used, and the model only for its
 * vocabulary, when the baseline reads as the model does.
 *
 * <p>What it sees: sequence items as bags of words and word pairs, pairs through the terms their texts share and their
 * similarity ({@link TextFeatures}), words of token items through themselves and their neighbours
 * ({@link WordFeatures}). {@link Reading#AS_THE_MODEL_READS} gives it only the words the configuration's model reads in
 * {@code training.max-length} word pieces of its vocabulary (the fair comparison with a fine-tuning of that model);
 * {@link Reading#WHOLE_TEXT}, all of each text.
 */
@PublicApi
public final class LexicalBaseline
{
    public static final String MODEL_NAME = "lexical baseline";

    /** 2^20 hashed features: collisions are rare for the vocabularies of the datasets here, and weights take 4 MB a class. */
    private static final int BITS = 20;

    /** How much of each item the baseline reads. */
    public enum Reading
    {
        /** Every word. */
        WHOLE_TEXT,
        /** The words an encoder with the configuration's model's vocabulary reads in {@code training.max-length} pieces. */
        AS_THE_MODEL_READS
    }

    private final FinetuneConfig config;
    private final Reading reading;

    public LexicalBaseline(FinetuneConfig config, Reading reading)
    {
        this.config = requireNonNull(config, "config is null");
        this.reading = requireNonNull(reading, "reading is null");
    }

    /**
     * Trains, evaluates and writes {@code metrics.json} into the configuration's output directory.
     *
     * @param progress hears one line per epoch
     */
    public BaselineResult run(Consumer<String> progress)
    {
        FinetuneConfig.Training training = config.training();
        FinetuneData data = read(FinetuneData.load(config.data(), training.seed()), progress);
        Featurizer featurizer = data.kind() == FinetuneKind.TOKEN ? new Featurizer.OfWords(new WordFeatures(BITS))
                : new Featurizer.OfTexts(TextFeatures.fit(texts(data.train()), BITS));
        Instances train = Instances.of(data.train(), featurizer, data.labels());
        Instances dev = Instances.of(data.dev(), featurizer, data.labels());
        Instances test = Instances.of(data.test(), featurizer, data.labels());
        progress.accept(String.format("lexical baseline on %d train, %d dev, %d test items (%d, %d, %d instances); labels %s; %,d features",
                data.train().size(), data.dev().size(), data.test().size(), train.size(), dev.size(), test.size(), data.labels(), train.featureCount()));

        BaselineResult result = LinearTraining.run(train, dev, test, data.labels(), BITS, training, progress);
        String outside = data.kind() == FinetuneKind.TOKEN ? config.data().outsideLabel() : null;
        String model = reading == Reading.WHOLE_TEXT ? MODEL_NAME
                : MODEL_NAME + " on the words " + config.model() + " reads in " + training.maxLength() + " pieces";
        new MetricsFile(model, "none", data.labels(), training.metric(), result.devHistory(), result.bestEpoch(), result.test(), outside)
                .writeTo(Path.of(config.output()));
        return result;
    }

    /** The data as the baseline reads it: whole, or cut where the model's encoder would cut it. */
    private FinetuneData read(FinetuneData data, Consumer<String> progress)
    {
        if (reading == Reading.WHOLE_TEXT) {
            return data;
        }
        ItemEncoder encoder = new ItemEncoder(PretrainedModel.readingVocabulary(Path.of(config.model())), config.training().maxLength(), data.labels());
        FinetuneData read = new FinetuneData(data.kind(), asRead(data.train(), encoder), asRead(data.dev(), encoder), asRead(data.test(), encoder),
                data.labels());
        long words = wordCount(data);
        long wordsRead = wordCount(read);
        progress.accept(String.format("reading as %s reads in %d pieces: %,d of %,d words (%.1f%%)", config.model(), config.training().maxLength(),
                wordsRead, words, 100.0 * wordsRead / Math.max(1, words)));
        return read;
    }

    private static List<LabelledItem> asRead(List<LabelledItem> items, ItemEncoder encoder)
    {
        return items.stream().map(encoder::asRead).toList();
    }

    private static long wordCount(FinetuneData data)
    {
        return Stream.of(data.train(), data.dev(), data.test()).flatMap(List::stream).mapToLong(LexicalBaseline::wordCount).sum();
    }

    private static long wordCount(LabelledItem item)
    {
        if (item instanceof LabelledItem.Tokens tokens) {
            return tokens.tokens().size();
        }
        LabelledItem.Text text = (LabelledItem.Text) item;
        return words(text.text()) + (text.pair() == null ? 0 : words(text.pair()));
    }

    private static long words(String text)
    {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static List<LabelledItem.Text> texts(List<LabelledItem> items)
    {
        List<LabelledItem.Text> texts = new ArrayList<>(items.size());
        items.forEach(item -> texts.add((LabelledItem.Text) item));
        return texts;
    }
}
