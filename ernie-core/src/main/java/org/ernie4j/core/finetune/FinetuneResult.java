package org.ernie4j.core.finetune;

import java.nio.file.Path;
import java.util.List;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * How a fine-tuning run went.
 *
 * @param model the directory of the best model (by the dev metric)
 * @param devHistory the dev metric after each epoch
 * @param bestEpoch the epoch of the best model, from 1
 * @param test the test metrics of the best model, or null when there is no test data
 */
@PublicApi
public record FinetuneResult(Path model, List<Double> devHistory, int bestEpoch, ClassificationMetrics test)
{
    public FinetuneResult
    {
        requireNonNull(model, "model is null");
        devHistory = List.copyOf(devHistory);
    }
}
