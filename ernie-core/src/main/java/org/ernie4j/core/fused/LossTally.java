package org.ernie4j.core.fused;

/**
 * One thread's running totals of a step's loss and accuracy; the engine adds the threads' tallies at the end.
 */
final class LossTally
{
    private double loss;
    private long correct;
    private long labelled;

    void reset()
    {
        loss = 0;
        correct = 0;
        labelled = 0;
    }

    void add(double weightedLoss, boolean labelledItem, boolean right)
    {
        loss += weightedLoss;
        if (labelledItem) {
            labelled++;
            if (right) {
                correct++;
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
}
