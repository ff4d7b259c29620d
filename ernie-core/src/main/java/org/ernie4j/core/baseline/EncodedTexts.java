package org.ernie4j.core.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.embed.TextEncoder;
import org.ernie4j.core.finetune.ItemEncoder;
import org.ernie4j.core.finetune.LabelledItem;
import org.ernie4j.core.pretrained.PretrainedModel;

/**
 * The frozen encoder's vector of each item: a text's mean piece vector as the encoder reads it in
 * {@code training.max-length} pieces, a pair's {@link PairVector} of its two texts' (each encoded alone). Each distinct
 * text is encoded once and remembered, so that several seeds' probes of one encoder share the work.
 */
final class EncodedTexts
        implements AutoCloseable
{
    private final ItemEncoder reader;
    private final TextEncoder encoder;
    private final Map<String, float[]> vectors = new HashMap<>();

    EncodedTexts(PretrainedModel model, FinetuneConfig.Training training)
    {
        this.reader = new ItemEncoder(model.vocabulary(), training.maxLength(), List.of());
        this.encoder = new TextEncoder(model, training.taskId(), training.engineKind(), Runtime.getRuntime().availableProcessors());
    }

    /** How many distinct texts have been encoded so far. */
    int encoded()
    {
        return vectors.size();
    }

    String engine()
    {
        return encoder.engine().configName();
    }

    List<float[]> vectors(List<LabelledItem> items)
    {
        List<LabelledItem.Text> read = new ArrayList<>(items.size());
        Set<String> missing = new LinkedHashSet<>();
        for (LabelledItem item : items) {
            LabelledItem.Text text = (LabelledItem.Text) reader.asRead(item);
            read.add(text);
            if ((text.pair() == null) != (read.get(0).pair() == null)) {
                throw new IllegalArgumentException(item.source() + ": some items are pairs and some are not");
            }
            for (String part : text.pair() == null ? List.of(text.text()) : List.of(text.text(), text.pair())) {
                if (!vectors.containsKey(part)) {
                    missing.add(part);
                }
            }
        }
        List<String> texts = List.copyOf(missing);
        float[][] encoded = encoder.embed(texts, false);
        for (int i = 0; i < encoded.length; i++) {
            vectors.put(texts.get(i), encoded[i]);
        }
        List<float[]> result = new ArrayList<>(read.size());
        for (LabelledItem.Text text : read) {
            result.add(text.pair() == null ? vectors.get(text.text()) : PairVector.of(vectors.get(text.text()), vectors.get(text.pair())));
        }
        return result;
    }

    @Override
    public void close()
    {
        encoder.close();
    }
}
