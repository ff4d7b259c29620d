package org.ernie4j.core.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

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
 * @param predictions the class answered for each item by the same index, -1 for an item without a label; the items
 *         after the last labelled one are left out (engines differ in how many they see), and it is empty where not
 *         recorded (a custom head). Held-out evaluation counts them into a confusion matrix: which class a wrong answer
 *         gave says what the model has not learned.
 */
@PublicApi
public record Evaluation(double loss, long correct, long labelled, BitSet rightItems, int[] predictions)
{
    public Evaluation
    {
        rightItems = (BitSet) requireNonNull(rightItems, "rightItems is null").clone();
        requireNonNull(predictions, "predictions is null");
        int length = predictions.length;
        while (length > 0 && predictions[length - 1] < 0) {
            length--;
        }
        predictions = Arrays.copyOf(predictions, length);
    }

    /** An evaluation without per-item outcomes. */
    public Evaluation(double loss, long correct, long labelled)
    {
        this(loss, correct, labelled, new BitSet(), new int[0]);
    }

    /** An evaluation with the items predicted right but not the classes answered. */
    public Evaluation(double loss, long correct, long labelled, BitSet rightItems)
    {
        this(loss, correct, labelled, rightItems, new int[0]);
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

    @Override
    public int[] predictions()
    {
        return predictions.clone();
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof Evaluation that && Double.compare(loss, that.loss) == 0 && correct == that.correct && labelled == that.labelled
                && rightItems.equals(that.rightItems) && Arrays.equals(predictions, that.predictions);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(loss, correct, labelled, rightItems, Arrays.hashCode(predictions));
    }

    @Override
    public String toString()
    {
        return "Evaluation[loss=" + loss + ", correct=" + correct + ", labelled=" + labelled + ", rightItems=" + rightItems + ", predictions="
                + Arrays.toString(predictions) + "]";
    }
}
