package org.ernie4j.core.engine;

import java.util.BitSet;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * The loss and accuracy of a head on one batch.
 *
 * @param loss the weighted mean cross-entropy over the labelled items
 * @param correct labelled items whose most likely class is the label
 * @param labelled items that carry a label (examples, labelled positions or masked positions)
 * @param rightItems the items predicted right, by their index in the batch's targets (example, flat position of the
 *         label grid, or masked position in order); empty where not recorded. Held-out evaluation needs them to tell
 *         which document each right answer came from.
 */
@PublicApi
public record Evaluation(double loss, long correct, long labelled, BitSet rightItems)
{
    public Evaluation
    {
        rightItems = (BitSet) requireNonNull(rightItems, "rightItems is null").clone();
    }

    /** An evaluation without per-item outcomes. */
    public Evaluation(double loss, long correct, long labelled)
    {
        this(loss, correct, labelled, new BitSet());
    }

    public double accuracy()
    {
        return labelled == 0 ? Double.NaN : (double) correct / labelled;
    }

    @Override
    public BitSet rightItems()
    {
        return (BitSet) rightItems.clone();
    }
}
