package org.ernie4j.core.training;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * What happened in one training step.
 *
 * @param step the step's index, from 0
 * @param task the task trained
 * @param loss the batch loss before the update
 * @param accuracy the share of labelled items predicted right (NaN for a custom head)
 * @param examples examples in the batch
 * @param tokens non-padding positions in the batch
 * @param gradientNorm the global gradient norm before clipping
 * @param learningRate the learning rate of the update
 * @param seconds wall time of the step
 * @param dataSeconds the part of it spent waiting for batches (near zero when batches are built ahead in time)
 * @param maskedLmLoss the loss of the masked-LM batch added to this step, or NaN when none was
 * @param maskedLmTokens non-padding positions of that masked-LM batch: 0 when none was, {@link #NOT_RECORDED} when read from a
 *        log written before they were recorded
 */
@PublicApi
public record StepRecord(long step, String task, double loss, double accuracy, int examples, int tokens, double gradientNorm,
        double learningRate, double seconds, double dataSeconds, double maskedLmLoss, int maskedLmTokens)
{
    /** {@link #maskedLmTokens()} of a step read from a log that did not record them. */
    public static final int NOT_RECORDED = -1;

    public StepRecord
    {
        requireNonNull(task, "task is null");
        if (maskedLmTokens < NOT_RECORDED) {
            throw new IllegalArgumentException("maskedLmTokens is " + maskedLmTokens);
        }
    }
}
