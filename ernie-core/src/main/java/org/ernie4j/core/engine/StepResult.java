package org.ernie4j.core.engine;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one forward and backward pass: the loss, its accuracy, and a gradient for every parameter the task
 * touched, keyed by parameter name. Parameters the task did not touch (other tasks' heads) have no entry.
 */
@PublicApi
public record StepResult(Evaluation evaluation, Map<String, INDArray> gradients)
{
    public StepResult
    {
        requireNonNull(evaluation, "evaluation is null");
        gradients = Map.copyOf(requireNonNull(gradients, "gradients is null"));
    }

    public double loss()
    {
        return evaluation.loss();
    }
}
