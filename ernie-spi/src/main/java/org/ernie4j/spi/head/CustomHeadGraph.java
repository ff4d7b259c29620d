package org.ernie4j.spi.head;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * What a {@link CustomHead} may build on: the encoder's outputs in the model's graph and the placeholder of its targets.
 */
public interface CustomHeadGraph
{
    SameDiff sameDiff();

    /** The encoder's output for every position, {@code [batch, length, hidden]}. */
    SDVariable sequenceOutput();

    /** The pooled first-token output, {@code [batch, hidden]}. */
    SDVariable pooledOutput();

    /** The attention mask, {@code [batch, length]}: 1 for real positions, 0 for padding. */
    SDVariable mask();

    /** The targets of the batch, {@code [batch, targetWidth]}. */
    SDVariable targets();

    /** A variable name that is unique to this task, such as {@code task.my-task.weight}. */
    String name(String localName);
}
