package org.ernie4j.core.engine.samediff;

import java.util.HashMap;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a batch's targets into the head placeholders: one-hot targets, normalised item weights and, for masked
 * tokens, the selection matrix. Also keeps the labels to score the head's logits.
 */
final class HeadFeeds
{
    private final Map<String, INDArray> placeholders;
    private final int[] labels;

    private HeadFeeds(Map<String, INDArray> placeholders, int[] labels)
    {
        this.placeholders = placeholders;
        this.labels = labels;
    }

    Map<String, INDArray> placeholders()
    {
        return placeholders;
    }

    /** The label of each row of the logits, or {@link TokenLabels#IGNORED}; null for a custom head. */
    int[] labels()
    {
        return labels;
    }

    static HeadFeeds of(String taskName, HeadSpec head, Batch batch, int vocabularySize, DataType type)
    {
        BatchTargets targets = batch.targets();
        if (head instanceof SequenceClassificationHead sequence && targets instanceof BatchTargets.SequenceLabels rows) {
            return classification(taskName, rows.labels(), sequence.numClasses(), sequence.classWeights().orElse(null), type);
        }
        if (head instanceof TokenClassificationHead token && targets instanceof BatchTargets.TokenLabelGrid grid) {
            return classification(taskName, grid.labels(), token.numClasses(), token.classWeights().orElse(null), type);
        }
        if (head instanceof MaskedTokenHead && targets instanceof BatchTargets.MaskedPositions masked) {
            return masked(taskName, masked, batch.size() * batch.length(), vocabularySize, type);
        }
        if (head instanceof CustomHead custom) {
            return new HeadFeeds(Map.of(GraphNames.TARGET_VALUES, new CustomHeadBuilder(taskName, custom).targets(batch, type)), null);
        }
        throw new IllegalArgumentException("task " + taskName + ": a " + head + " head cannot take "
                + targets.getClass().getSimpleName() + " targets");
    }

    private static HeadFeeds classification(String taskName, int[] labels, int classes, float[] classWeights, DataType type)
    {
        double[] oneHot = new double[labels.length * classes];
        double[] weights = new double[labels.length];
        double total = 0;
        for (int row = 0; row < labels.length; row++) {
            int label = labels[row];
            if (label == TokenLabels.IGNORED) {
                continue;
            }
            if (label >= classes) {
                throw new IllegalArgumentException("task " + taskName + ": label " + label + " is outside its " + classes + " classes");
            }
            oneHot[row * classes + label] = 1;
            weights[row] = classWeights == null ? 1 : classWeights[label];
            total += weights[row];
        }
        if (total <= 0) {
            throw new IllegalArgumentException("task " + taskName + ": the batch has no labelled item with a positive weight");
        }
        for (int row = 0; row < weights.length; row++) {
            weights[row] /= total;
        }
        Map<String, INDArray> placeholders = new HashMap<>();
        placeholders.put(GraphNames.TARGET_ONE_HOT, Nd4j.create(oneHot, new long[] {labels.length, classes}, 'c').castTo(type));
        placeholders.put(GraphNames.TARGET_WEIGHTS, Nd4j.createFromArray(weights).castTo(type));
        return new HeadFeeds(placeholders, labels);
    }

    private static HeadFeeds masked(String taskName, BatchTargets.MaskedPositions masked, int rows, int vocabularySize, DataType type)
    {
        int count = masked.count();
        if (count == 0) {
            throw new IllegalArgumentException("task " + taskName + ": the batch has no masked position");
        }
        int[] positions = masked.flatPositions();
        int[] ids = masked.originalIds();
        INDArray selection = Nd4j.create(type, count, rows);
        INDArray oneHot = Nd4j.create(type, count, vocabularySize);
        for (int i = 0; i < count; i++) {
            if (ids[i] >= vocabularySize) {
                throw new IllegalArgumentException("task " + taskName + ": masked id " + ids[i] + " is outside the vocabulary");
            }
            selection.putScalar(i, positions[i], 1.0);
            oneHot.putScalar(i, ids[i], 1.0);
        }
        INDArray weights = Nd4j.valueArrayOf(new long[] {count}, 1.0 / count, type);
        Map<String, INDArray> placeholders = new HashMap<>();
        placeholders.put(GraphNames.TARGET_SELECTION, selection);
        placeholders.put(GraphNames.TARGET_ONE_HOT, oneHot);
        placeholders.put(GraphNames.TARGET_WEIGHTS, weights);
        return new HeadFeeds(placeholders, ids);
    }
}
