package org.ernie4j.spi.baseline;

/**
 * What a task's held-out items can be predicted right without reading their text.
 *
 * @param items the labelled items scored (examples for sequence labels, positions for token labels and masked tokens)
 * @param majority the accuracy of always answering the held-out items' most frequent label
 * @param layout the accuracy of the best predictor that sees only the input's layout (special pieces, segment
 *         changes, the lengths of text runs, positions), learned on other examples; NaN when none was learned
 */
public record BaselineAccuracy(long items, double majority, double layout)
{
    /** No items, no baseline. */
    public static final BaselineAccuracy NONE = new BaselineAccuracy(0, Double.NaN, Double.NaN);

    /** The better of the two baselines; NaN when neither is known. */
    public double best()
    {
        if (Double.isNaN(layout)) {
            return majority;
        }
        return Double.isNaN(majority) ? layout : Math.max(majority, layout);
    }
}
