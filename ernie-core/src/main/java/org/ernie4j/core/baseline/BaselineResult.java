package org.ernie4j.core.baseline;

import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.finetune.ClassificationMetrics;

/**
 * How the lexical baseline did.
 *
 * @param devHistory the dev metric after each epoch
 * @param bestEpoch the epoch with the best dev metric, from 1
 * @param test that epoch's test metrics, or null when there is no test data
 * @param features how many features the training items have in all (hashed, so distinct features may share one)
 */
@PublicApi
public record BaselineResult(List<Double> devHistory, int bestEpoch, ClassificationMetrics test, long features)
{
    public BaselineResult
    {
        devHistory = List.copyOf(devHistory);
    }
}
