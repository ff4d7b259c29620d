package org.ernie4j.core.engine.fused;

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

    void reset()
    {
        loss = 0;
        correct = 0;
        labelled = 0;
        rightItems.clear();
    }

    /** Adds one item, by its index in the batch's targets. */
    void add(int item, double weightedLoss, boolean labelledItem, boolean right)
    {
        loss += weightedLoss;
        if (labelledItem) {
            labelled++;
            if (right) {
                correct++;
                rightItems.set(item);
            }
        }
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
}
