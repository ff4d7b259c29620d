package org.ernie4j.spi.example;

/**
 * What the model should predict for one example. The kind of target must match the task's
 * {@link org.ernie4j.spi.head.HeadSpec}: a {@link SequenceLabel} for a sequence classification head, {@link TokenLabels}
 * for a token classification head, {@link MaskedTokens} for masked-token prediction and {@link CustomTarget} for a custom
 * head.
 */
public sealed interface Target
        permits SequenceLabel, TokenLabels, MaskedTokens, CustomTarget
{
}
