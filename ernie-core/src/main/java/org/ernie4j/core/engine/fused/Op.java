package org.ernie4j.core.engine.fused;

/**
 * The parts of a step that the fused engine times separately.
 */
public enum Op
{
    DROPOUT_MASKS("dropout masks (drawn from the seed)"),
    EMBEDDINGS_FORWARD("embeddings + norm, forward"),
    QKV_FORWARD("query/key/value products, forward"),
    ATTENTION_FORWARD("attention scores, softmax, context, forward"),
    ATTENTION_OUTPUT_FORWARD("attention output product, forward"),
    NORM_FORWARD("residual + dropout + layer norm, forward"),
    FFN_FORWARD("feed-forward products, forward"),
    GELU_FORWARD("GELU, forward"),
    HEAD_FORWARD("head products and activations, forward"),
    LOSS("softmax cross-entropy and its gradient"),
    HEAD_BACKWARD("head, backward"),
    NORM_BACKWARD("layer norm + dropout + residual, backward"),
    FFN_BACKWARD("feed-forward products, backward"),
    GELU_BACKWARD("GELU, backward"),
    ATTENTION_OUTPUT_BACKWARD("attention output product, backward"),
    ATTENTION_BACKWARD("attention, backward"),
    QKV_BACKWARD("query/key/value products, backward"),
    EMBEDDINGS_BACKWARD("embedding norm + table gradients, backward"),
    REDUCE("adding the workers' gradients"),
    SPLIT_WAIT("waiting for the other workers (forward pass split within sequences)"),
    CUSTOM_HEAD("custom head in SameDiff");

    private final String description;

    Op(String description)
    {
        this.description = description;
    }

    public String description()
    {
        return description;
    }
}
