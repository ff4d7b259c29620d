package org.ernie4j.core.engine.fused;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One thread's running totals of a step's loss and accuracy; the engine adds the threads' tallies at the end.
 */
final class LossTally
{
    private double loss;
    private long correct;
    private long labelled;
    private final BitSet rightItems = new BitSet();
    /** The class answered for each labelled item by index, -1 elsewhere; reused from step to step. */
    private int[] predictions = new int[0];
    /** One past the highest item index recorded since the last reset. */
    private int items;

    void reset()
    {
        loss = 0;
        correct = 0;
        labelled = 0;
        rightItems.clear();
        Arrays.fill(predictions, 0, items, -1);
        items = 0;
    }

    /** Adds one item, by its index in the batch's targets, with the class the head answered. */
    void add(int item, double weightedLoss, boolean labelledItem, int predicted, boolean right)
    {
        loss += weightedLoss;
        if (labelledItem) {
            labelled++;
            if (right) {
                correct++;
                rightItems.set(item);
            }
            record(item, predicted);
        }
    }

    private void record(int item, int predicted)
    {
        if (item >= predictions.length) {
            int previous = predictions.length;
            predictions = Arrays.copyOf(predictions, Math.max(item + 1, 2 * previous));
            Arrays.fill(predictions, previous, predictions.length, -1);
        }
        predictions[item] = predicted;
        items = Math.max(items, item + 1);
    }

    void addLoss(double weightedLoss)
    {
        loss += weightedLoss;
    }

    double loss()
    {
        return loss;
    }

    long correct()
    {
        return correct;
    }

    long labelled()
    {
        return labelled;
    }

    /** Adds this thread's right items to {@code items}. */
    void addRightItemsTo(BitSet items)
    {
        items.or(rightItems);
    }

    /** One past the highest item index this thread recorded. */
    int items()
    {
        return items;
    }

    /** Writes this thread's answers into {@code all}, which is at least {@link #items()} long; its other entries are kept. */
    void addPredictionsTo(int[] all)
    {
        for (int item = 0; item < items; item++) {
            if (predictions[item] >= 0) {
                all[item] = predictions[item];
            }
        }
    }
}
