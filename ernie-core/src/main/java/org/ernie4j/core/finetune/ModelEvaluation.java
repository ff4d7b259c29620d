package org.ernie4j.core.finetune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.spi.example.Example;

/**
 * A fine-tuned model's metrics on a labelled file.
 */
@PublicApi
public final class ModelEvaluation
{
    private static final int BATCH = 32;

    private ModelEvaluation()
    {
    }

    public static ClassificationMetrics evaluate(FineTunedModel model, Path data)
    {
        ItemEncoder encoder = new ItemEncoder(model.vocabulary(), model.maxLength(), model.labels());
        List<Example> examples = new ArrayList<>();
        for (LabelledItem item : LabelledDataReader.read(data, model.kind())) {
            examples.add(encoder.encode(item));
        }
        try (ModelEngine engine = new SameDiffEngine(model.encoder(), model.parameters())) {
            Predictions predictions = Predictions.of(engine, model.head(), examples, BATCH, model.vocabulary().padId());
            return ClassificationMetrics.of(model.labels(), predictions.gold(), predictions.predicted(), -1);
        }
    }
}
