package org.ernie4j.core.finetune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.spi.example.Example;

/**
 * A fine-tuned model's metrics on a labelled file, on the engine {@link Execution} picks.
 */
@PublicApi
public final class ModelEvaluation
{
    private static final int BATCH = 32;

    private ModelEvaluation()
    {
    }

    /** On the engine {@code auto} picks, with a thread per processor. */
    public static ClassificationMetrics evaluate(FineTunedModel model, Path data)
    {
        return evaluate(model, data, EngineKind.AUTO, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param engine which engine runs the model ({@code auto}: the fused engine where it can run)
     * @param threads the fused engine's threads
     */
    public static ClassificationMetrics evaluate(FineTunedModel model, Path data, EngineKind engine, int threads)
    {
        ItemEncoder encoder = new ItemEncoder(model.vocabulary(), model.maxLength(), model.labels());
        List<Example> examples = new ArrayList<>();
        for (LabelledItem item : LabelledDataReader.read(data, model.kind())) {
            examples.add(encoder.encode(item));
        }
        try (Execution execution = Execution.forInference(engine, model.encoder(), model.parameters(), threads)) {
            Predictions predictions = Predictions.of(execution.engine(), model.head(), examples, BATCH, model.vocabulary().padId());
            return ClassificationMetrics.of(model.labels(), predictions.gold(), predictions.predicted(), -1);
        }
    }
}
