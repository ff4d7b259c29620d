package org.ernie4j.core.engine;

/**
 * The loss and accuracy of a head on one batch.
 *
 * @param loss the weighted mean cross-entropy over the labelled items
 * @param correct labelled items whose most likely class is the label
 * @param labelled items that carry a label (examples, labelled positions or masked positions)
 */
public record Evaluation(double loss, long correct, long labelled)
{
    public double accuracy()
    {
        return labelled == 0 ? Double.NaN : (double) correct / labelled;
    }
}
