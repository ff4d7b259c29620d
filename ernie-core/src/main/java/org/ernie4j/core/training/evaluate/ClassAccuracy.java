package org.ernie4j.core.training.evaluate;

import java.util.Arrays;

import org.ernie4j.core.PublicApi;

/**
 * A held-out accuracy split by true class: for each class, how many labelled items have it and how many of those were
 * predicted right (the class's recall). One overall accuracy can hide a model that only ever answers one class, or one
 * that tells two classes apart and confuses the third; the split shows which.
 *
 * <p>Where the engine said which class it answered, the split also holds the confusion matrix: how many items of each
 * true class were answered with each class. A wrong answer's class says what was not learned (for example, a model that
 * tells where one segment belongs but not in which direction the others run).
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
    /** Items by true class and class answered; no rows where the answers are not known. */
    private final long[][] answered;

    /**
     * @param labelled labelled items per class
     * @param correct items of each class predicted right; never more than the class's labelled items
     */
    public ClassAccuracy(long[] labelled, long[] correct)
    {
        this(labelled, correct, new long[0][]);
    }

    /**
     * @param labelled labelled items per class
     * @param correct items of each class predicted right
     * @param answered items of each true class (row) answered with each class (column): each row sums to the class's
     *         labelled items and its diagonal entry is the class's correct items; no rows where not known
     */
    public ClassAccuracy(long[] labelled, long[] correct, long[][] answered)
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
        if (answered.length != 0) {
            checkAnswers(labelled, correct, answered);
        }
        this.labelled = labelled.clone();
        this.correct = correct.clone();
        this.answered = new long[answered.length][];
        for (int c = 0; c < answered.length; c++) {
            this.answered[c] = answered[c].clone();
        }
    }

    private static void checkAnswers(long[] labelled, long[] correct, long[][] answered)
    {
        if (answered.length != labelled.length) {
            throw new IllegalArgumentException("the answers must cover the " + labelled.length + " classes, not " + answered.length);
        }
        for (int c = 0; c < answered.length; c++) {
            if (answered[c].length != labelled.length) {
                throw new IllegalArgumentException("class " + c + ": answers for " + answered[c].length + " classes, not " + labelled.length);
            }
            long sum = 0;
            for (long count : answered[c]) {
                if (count < 0) {
                    throw new IllegalArgumentException("class " + c + ": a negative count of answers, " + count);
                }
                sum += count;
            }
            if (sum != labelled[c] || answered[c][c] != correct[c]) {
                throw new IllegalArgumentException("class " + c + ": " + sum + " answers with " + answered[c][c] + " right, for " + labelled[c]
                        + " labelled items with " + correct[c] + " right");
            }
        }
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

    /** Whether the matrix of answers is known (it is not for records written before it was kept). */
    public boolean hasAnswers()
    {
        return answered.length > 0;
    }

    /** How many items of class {@code label} were answered with class {@code answer}. */
    public long answered(int label, int answer)
    {
        if (!hasAnswers()) {
            throw new IllegalStateException("the classes answered are not known");
        }
        return answered[label][answer];
    }

    /** The matrix of answers, rows by true class, columns by class answered; no rows where not known. */
    public long[][] answered()
    {
        long[][] copy = new long[answered.length][];
        for (int c = 0; c < answered.length; c++) {
            copy[c] = answered[c].clone();
        }
        return copy;
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
        return other instanceof ClassAccuracy that && Arrays.equals(labelled, that.labelled) && Arrays.equals(correct, that.correct)
                && Arrays.deepEquals(answered, that.answered);
    }

    @Override
    public int hashCode()
    {
        return 31 * (31 * Arrays.hashCode(labelled) + Arrays.hashCode(correct)) + Arrays.deepHashCode(answered);
    }

    @Override
    public String toString()
    {
        return "ClassAccuracy" + Arrays.toString(correct) + "/" + Arrays.toString(labelled);
    }
}
