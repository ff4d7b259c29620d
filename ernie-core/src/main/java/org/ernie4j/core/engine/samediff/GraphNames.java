package org.ernie4j.core.engine.samediff;

/**
 * Names of the placeholders and outputs of a task graph.
 */
final class GraphNames
{
    /** The summed token, position, segment and task embeddings, {@code [batch, length, hidden]}, computed outside. */
    static final String EMBEDDINGS = "input.embeddings";
    /** 0 for real positions and a large negative number for padding, {@code [batch, 1, 1, length]}. */
    static final String ATTENTION_BIAS = "input.attention_bias";
    /** 1 for real positions, 0 for padding, {@code [batch, length]} (for custom heads). */
    static final String MASK = "input.mask";
    static final String TARGET_ONE_HOT = "target.one_hot";
    static final String TARGET_WEIGHTS = "target.weights";
    static final String TARGET_SELECTION = "target.selection";
    static final String TARGET_VALUES = "target.values";
    static final String LOSS = "loss";
    static final String LOGITS = "logits";
    static final String SEQUENCE_OUTPUT = "encoder.sequence_output";
    static final String POOLED_OUTPUT = "encoder.pooled_output";

    private GraphNames()
    {
    }

    static String dropoutMask(int index)
    {
        return "dropout." + index;
    }
}
