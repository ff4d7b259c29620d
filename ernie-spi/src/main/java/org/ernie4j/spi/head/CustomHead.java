package org.ernie4j.spi.head;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The escape hatch: a head the task builds itself in the model's SameDiff graph. Only a task that cannot be described by
 * the standard heads needs this, and it must bring {@code nd4j-api} on its own class path.
 *
 * <p>Beware: in ND4J 1.0.0-M2.1 the {@code sd.loss.*} operations ignore the incoming gradient, so a loss built from them
 * and then scaled or averaged trains with silently wrong gradients. Write the loss from primitives (log-softmax, multiply,
 * sum), as the standard heads do. Name every variable with {@link CustomHeadGraph#name(String)} so that two tasks cannot
 * collide.
 */
public non-sealed interface CustomHead
        extends HeadSpec
{
    /** The number of target values per example ({@link org.ernie4j.spi.example.CustomTarget#width()}). */
    int targetWidth();

    /**
     * Adds the head to the graph and returns its scalar loss (a mean over the batch).
     */
    SDVariable build(CustomHeadGraph graph);
}
