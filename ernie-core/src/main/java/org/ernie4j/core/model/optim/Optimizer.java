package org.ernie4j.core.model.optim;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

import org.ernie4j.core.PublicApi;

/**
 * Applies one step's gradients to the model parameters it was created for. The trainer asks for the gradients' global
 * norm first (to stop on divergence before anything moves, and to clip), then applies the update with the clipping
 * factor; an implementation may fuse the scaling into its update rather than scale the gradients first.
 */
@PublicApi
public interface Optimizer
{
    /** The global L2 norm of the gradients. */
    double gradientNorm(Map<String, INDArray> gradients);

    /**
     * Updates every parameter that has a gradient, in place, as if each gradient were first multiplied by
     * {@code gradientScale} (1 for no clipping). The gradients may be changed.
     */
    void apply(Map<String, INDArray> gradients, double learningRate, double gradientScale);

    /** The optimizer state for a checkpoint, by parameter name. */
    Map<String, AdamW.Moments> state();

    /** Restores state written by {@link #state()}, replacing whatever this optimizer had. */
    void restore(Map<String, AdamW.Moments> state);
}
