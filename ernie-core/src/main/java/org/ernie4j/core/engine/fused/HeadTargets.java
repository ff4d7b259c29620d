package org.ernie4j.core.engine.fused;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;

/**
 * The items a standard head scores in one batch, with the same rules as the graph's head feeds: a label per item
 * ({@link TokenLabels#IGNORED} for none), item weights divided by their sum (so the loss is a weighted mean), and for
 * masked tokens the flat row of each item.
 *
 * @param labels the class of each item, or {@link TokenLabels#IGNORED}
 * @param weights the normalised weight of each item (0 where ignored)
 * @param rows for masked tokens, the activation row ({@code sequence * length + position}) of each item, ascending; else null
 */
record HeadTargets(int[] labels, float[] weights, int[] rows)
{
    static HeadTargets of(String taskName, HeadSpec head, Batch batch, int vocabularySize)
    {
        BatchTargets targets = batch.targets();
        if (head instanceof SequenceClassificationHead sequence && targets instanceof BatchTargets.SequenceLabels labels) {
            return classification(taskName, labels.labels(), sequence.numClasses(), sequence.classWeights().orElse(null));
        }
        if (head instanceof TokenClassificationHead token && targets instanceof BatchTargets.TokenLabelGrid grid) {
            return classification(taskName, grid.labels(), token.numClasses(), token.classWeights().orElse(null));
        }
        if (head instanceof MaskedTokenHead && targets instanceof BatchTargets.MaskedPositions masked) {
            return masked(taskName, masked, vocabularySize);
        }
        throw new IllegalArgumentException("task " + taskName + ": a " + head + " head cannot take "
                + targets.getClass().getSimpleName() + " targets");
    }

    private static HeadTargets classification(String taskName, int[] labels, int classes, float[] classWeights)
    {
        double[] weights = new double[labels.length];
        double total = 0;
        for (int item = 0; item < labels.length; item++) {
            int label = labels[item];
            if (label == TokenLabels.IGNORED) {
                continue;
            }
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("task " + taskName + ": label " + label + " is outside its " + classes + " classes");
            }
            weights[item] = classWeights == null ? 1 : classWeights[label];
            total += weights[item];
        }
        if (total <= 0) {
            throw new IllegalArgumentException("task " + taskName + ": the batch has no labelled item with a positive weight");
        }
        float[] normalised = new float[labels.length];
        for (int item = 0; item < labels.length; item++) {
            normalised[item] = (float) (weights[item] / total);
        }
        return new HeadTargets(labels, normalised, null);
    }

    private static HeadTargets masked(String taskName, BatchTargets.MaskedPositions masked, int vocabularySize)
    {
        int count = masked.count();
        if (count == 0) {
            throw new IllegalArgumentException("task " + taskName + ": the batch has no masked position");
        }
        int[] ids = masked.originalIds();
        for (int id : ids) {
            if (id < 0 || id >= vocabularySize) {
                throw new IllegalArgumentException("task " + taskName + ": masked id " + id + " is outside the vocabulary");
            }
        }
        float[] weights = new float[count];
        java.util.Arrays.fill(weights, (float) (1.0 / count));
        return new HeadTargets(ids, weights, masked.flatPositions());
    }

    int count()
    {
        return labels.length;
    }

    /** For masked tokens: the first item at or after activation row {@code row}. */
    int firstItemFrom(int row)
    {
        int low = 0;
        int high = rows.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (rows[middle] < row) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }
}
