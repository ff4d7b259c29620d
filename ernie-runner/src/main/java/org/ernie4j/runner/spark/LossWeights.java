package org.ernie4j.runner.spark;

import java.util.Optional;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;

/**
 * The normaliser of a batch's loss. Every head's loss is a weighted mean over its labelled items: examples for a
 * sequence head, labelled positions for a token head, masked positions for the masked-token head, each weighted by its
 * class weight when the head has them. Two halves of a batch are rarely equal in that count (one half may hold most of
 * the masked tokens), so the mean of their gradients is not the whole batch's gradient; the sum of each half's gradient
 * times its own normaliser, divided by the whole batch's normaliser, is. A custom head's loss is taken to be a mean over
 * examples.
 */
final class LossWeights
{
    private LossWeights()
    {
    }

    /** The sum of the weights of the batch's labelled items (0 if it has none). */
    static double of(HeadSpec head, Batch batch)
    {
        BatchTargets targets = batch.targets();
        if (targets instanceof BatchTargets.SequenceLabels sequence) {
            return sum(sequence.labels(), head instanceof SequenceClassificationHead classes ? classes.classWeights() : Optional.empty());
        }
        if (targets instanceof BatchTargets.TokenLabelGrid grid) {
            return sum(grid.labels(), head instanceof TokenClassificationHead classes ? classes.classWeights() : Optional.empty());
        }
        if (targets instanceof BatchTargets.MaskedPositions masked) {
            return masked.count();
        }
        return batch.size();
    }

    private static double sum(int[] labels, Optional<float[]> weights)
    {
        double total = 0;
        for (int label : labels) {
            if (label != TokenLabels.IGNORED) {
                total += weights.map(classWeights -> (double) classWeights[label]).orElse(1.0);
            }
        }
        return total;
    }
}
