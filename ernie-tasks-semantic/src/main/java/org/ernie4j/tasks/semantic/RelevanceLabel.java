package org.ernie4j.tasks.semantic;

/**
 * The classes of IR relevance: how a title relates to a query in a search log.
 */
public enum RelevanceLabel
{
    /** Class 0: the title was clicked after the query. */
    CLICKED,
    /** Class 1: the title was shown for the query but never clicked. */
    SHOWN,
    /** Class 2: a title drawn at random, never shown for the query. */
    RANDOM;

    /** The class index the model predicts: 0, 1 or 2. */
    public int label()
    {
        return ordinal();
    }

    /** The class of an index. */
    public static RelevanceLabel of(int label)
    {
        RelevanceLabel[] labels = values();
        if (label < 0 || label >= labels.length) {
            throw new IllegalArgumentException("IR relevance has classes 0 to " + (labels.length - 1) + ", not " + label);
        }
        return labels[label];
    }
}
