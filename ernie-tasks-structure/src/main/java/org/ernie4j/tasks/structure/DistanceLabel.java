package org.ernie4j.tasks.structure;

/**
 * The classes of sentence distance: how far apart the two sentences of a pair are.
 */
public enum DistanceLabel
{
    /** Class 0: the second sentence comes right after the first in the same document. */
    ADJACENT,
    /** Class 1: both sentences are from the same document, the second at least two sentences after the first. */
    SAME_DOCUMENT,
    /** Class 2: the sentences are from two different documents. */
    OTHER_DOCUMENT;

    /** The class index the model predicts: 0, 1 or 2. */
    public int label()
    {
        return ordinal();
    }

    /** The class of an index. */
    public static DistanceLabel of(int label)
    {
        DistanceLabel[] labels = values();
        if (label < 0 || label >= labels.length) {
            throw new IllegalArgumentException("sentence distance has classes 0 to " + (labels.length - 1) + ", not " + label);
        }
        return labels[label];
    }
}
