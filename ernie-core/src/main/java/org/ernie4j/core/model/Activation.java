package org.ernie4j.core.model;

import org.ernie4j.core.PublicApi;

/**
 * The feed-forward activation. Both are written from primitives in the graph: ND4J's own {@code gelu} op is the sigmoid
 * approximation {@code x * sigmoid(1.702 x)}, which matches no published checkpoint.
 */
@PublicApi
public enum Activation
{
    /** {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}, as the original BERT code. */
    GELU_TANH,
    /** {@code 0.5 x (1 + erf(x / sqrt 2))}, as Hugging Face's {@code gelu}. */
    GELU_ERF
}
