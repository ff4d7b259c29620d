package org.ernie4j.spi.head;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The escape hatch: a head the task builds itself in the model's SameDiff graph. Only a task that cannot be described by
 * the standard heads needs this, and it must bring {@code nd4j-api} on its own class path.
 *
 * <p>A custom head binds its plugin to the host's ND4J version, 1.0.0-M2.1, which the SPI's version does not cover. The
 * head is SameDiff code compiled against ND4J, and at run time its calls link against the runner's ND4J: a plugin's
 * class loader takes {@code org.nd4j} and {@code org.bytedeco} from the runner, whatever version the plugin was built
 * with or carries in its jar. Build it against {@code nd4j-api} 1.0.0-M2.1 in {@code provided} scope. Built against
 * another version, the jar loads and the task joins, but its head can fail when it is first built (the first time the
 * task is evaluated or trained) with a {@link LinkageError} such as {@link NoSuchMethodError} for ND4J code the
 * runner's version does not have, which stops the run; it resumes from its last checkpoint once the jar is rebuilt or
 * removed. An operation that kept its signature but changed its behaviour fails nowhere: the head trains with other
 * numbers. A plugin without a custom head does not depend on ND4J at all.
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
