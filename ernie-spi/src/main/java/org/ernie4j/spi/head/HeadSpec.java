package org.ernie4j.spi.head;

/**
 * What a task predicts and with which loss. The core builds the head's layers and loss from this description, with
 * losses written from primitives whose gradients are known to be right; a task never writes a loss by hand unless it
 * takes the {@link CustomHead} escape hatch.
 *
 * <p>Every head is trained with the mean cross-entropy over its labelled items (examples, labelled positions or masked
 * positions), optionally weighted per class.
 */
public sealed interface HeadSpec
        permits SequenceClassificationHead, TokenClassificationHead, MaskedTokenHead, CustomHead
{
}
