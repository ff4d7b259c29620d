package org.ernie4j.core.training.evaluate;

import java.util.BitSet;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;

/**
 * Counts a held-out set's items by true class as the batches are scored, into a {@link ClassAccuracy}. Only sequence and
 * token classification heads of at most {@link ClassAccuracy#MOST_CLASSES} classes are counted; for any other head the
 * tally stays empty and gives {@link ClassAccuracy#NONE}.
 */
final class ClassTally
{
    private final long[] labelled;
    private final long[] correct;

    private ClassTally(int classes)
    {
        this.labelled = new long[classes];
        this.correct = new long[classes];
    }

    static ClassTally of(HeadSpec head)
    {
        int classes = 0;
        if (head instanceof SequenceClassificationHead sequence) {
            classes = sequence.numClasses();
        }
        else if (head instanceof TokenClassificationHead token) {
            classes = token.numClasses();
        }
        return new ClassTally(classes <= ClassAccuracy.MOST_CLASSES ? classes : 0);
    }

    /** Adds a scored batch; {@code rightItems} is in the engines' item order, which for labels is the order of the label array. */
    void add(Batch batch, BitSet rightItems)
    {
        if (labelled.length == 0) {
            return;
        }
        int[] labels = new int[0];
        if (batch.targets() instanceof BatchTargets.SequenceLabels sequence) {
            labels = sequence.labels();
        }
        else if (batch.targets() instanceof BatchTargets.TokenLabelGrid grid) {
            labels = grid.labels();
        }
        for (int item = 0; item < labels.length; item++) {
            int label = labels[item];
            if (label == TokenLabels.IGNORED || label < 0 || label >= labelled.length) {
                continue;
            }
            labelled[label]++;
            if (rightItems.get(item)) {
                correct[label]++;
            }
        }
    }

    ClassAccuracy result()
    {
        return labelled.length == 0 ? ClassAccuracy.NONE : new ClassAccuracy(labelled, correct);
    }
}
