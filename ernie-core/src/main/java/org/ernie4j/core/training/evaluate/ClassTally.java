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
    /** Items by true class (row) and class answered (column). */
    private final long[][] answered;
    /** Whether every scored batch said which class it answered; the matrix is kept only then. */
    private boolean answersKnown = true;

    private ClassTally(int classes)
    {
        this.labelled = new long[classes];
        this.correct = new long[classes];
        this.answered = new long[classes][classes];
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

    /**
     * Adds a scored batch; {@code rightItems} and {@code predictions} are in the engines' item order, which for labels is
     * the order of the label array. Without predictions (an engine that does not record them) the matrix of answers is
     * not kept.
     */
    void add(Batch batch, BitSet rightItems, int[] predictions)
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
            int answer = item < predictions.length ? predictions[item] : -1;
            if (answer < 0 || answer >= labelled.length) {
                answersKnown = false;
            }
            else {
                answered[label][answer]++;
            }
        }
    }

    ClassAccuracy result()
    {
        if (labelled.length == 0) {
            return ClassAccuracy.NONE;
        }
        return answersKnown ? new ClassAccuracy(labelled, correct, answered) : new ClassAccuracy(labelled, correct);
    }
}
