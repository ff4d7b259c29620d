package org.ernie4j.core.training.evaluate;

import java.util.Arrays;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.spi.example.TokenLabels;

/**
 * Which example of a batch each scored item belongs to, in the engines' item order: an example for sequence labels, a
 * flat position of the label grid for token labels, a masked position in order for masked tokens.
 */
final class ItemOwners
{
    /** Marks an item without a label. */
    static final int UNLABELLED = -1;

    private ItemOwners()
    {
    }

    /** For each item, the example it belongs to, or {@link #UNLABELLED}; empty for custom targets. */
    static int[] of(Batch batch)
    {
        BatchTargets targets = batch.targets();
        if (targets instanceof BatchTargets.SequenceLabels sequence) {
            int[] labels = sequence.labels();
            int[] owners = new int[labels.length];
            for (int item = 0; item < labels.length; item++) {
                owners[item] = labels[item] == TokenLabels.IGNORED ? UNLABELLED : item;
            }
            return owners;
        }
        if (targets instanceof BatchTargets.TokenLabelGrid grid) {
            int[] labels = grid.labels();
            int[] owners = new int[labels.length];
            for (int item = 0; item < labels.length; item++) {
                owners[item] = labels[item] == TokenLabels.IGNORED ? UNLABELLED : item / batch.length();
            }
            return owners;
        }
        if (targets instanceof BatchTargets.MaskedPositions masked) {
            return Arrays.stream(masked.flatPositions()).map(row -> row / batch.length()).toArray();
        }
        return new int[0];
    }
}
