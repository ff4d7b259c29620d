package org.ernie4j.core.training.evaluate;

import java.util.Arrays;

import org.ernie4j.core.PublicApi;

/**
 * A held-out accuracy split by true class: for each class, how many labelled items have it and how many of those were
 * predicted right (the class's recall). One overall accuracy can hide a model that only ever answers one class, or one
 * that tells two classes apart and confuses the third; the split shows which.
 *
 * <p>Kept for classification heads of at most {@link #MOST_CLASSES} classes; a masked-token head (one class per word
 * piece) and a custom head have none ({@link #NONE}).
 */
@PublicApi
public final class ClassAccuracy
{
    /** Above this many classes a split is too long to read and is not kept. */
    public static final int MOST_CLASSES = 200;
    /** No split: a head with too many classes, a custom head, or a record written before splits were kept. */
    public static final ClassAccuracy NONE = new ClassAccuracy(new long[0], new long[0]);

    private final long[] labelled;
    private final long[] correct;

    /**
     * @param labelled labelled items per class
     * @param correct items of each class predicted right; never more than the class's labelled items
     */
    public ClassAccuracy(long[] labelled, long[] correct)
    {
        if (labelled.length != correct.length) {
            throw new IllegalArgumentException("labelled and correct counts must cover the same classes, not " + labelled.length + " and "
                    + correct.length);
        }
        for (int c = 0; c < labelled.length; c++) {
            if (correct[c] < 0 || correct[c] > labelled[c]) {
                throw new IllegalArgumentException("class " + c + ": " + correct[c] + " right of " + labelled[c] + " labelled items");
            }
        }
        this.labelled = labelled.clone();
        this.correct = correct.clone();
    }

    /** The number of classes the split covers, 0 for {@link #NONE}. */
    public int classes()
    {
        return labelled.length;
    }

    public boolean isKnown()
    {
        return labelled.length > 0;
    }

    public long labelled(int label)
    {
        return labelled[label];
    }

    public long correct(int label)
    {
        return correct[label];
    }

    /** The share of the class's items predicted right; NaN for a class without items. */
    public double accuracy(int label)
    {
        return labelled[label] == 0 ? Double.NaN : (double) correct[label] / labelled[label];
    }

    /** The share of all labelled items that have the class. */
    public double share(int label)
    {
        long total = Arrays.stream(labelled).sum();
        return total == 0 ? Double.NaN : (double) labelled[label] / total;
    }

    public long[] labelled()
    {
        return labelled.clone();
    }

    public long[] correct()
    {
        return correct.clone();
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof ClassAccuracy that && Arrays.equals(labelled, that.labelled) && Arrays.equals(correct, that.correct);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(labelled) + Arrays.hashCode(correct);
    }

    @Override
    public String toString()
    {
        return "ClassAccuracy" + Arrays.toString(correct) + "/" + Arrays.toString(labelled);
    }
}
