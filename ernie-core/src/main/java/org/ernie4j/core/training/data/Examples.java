package org.ernie4j.core.training.data;

import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.TokenLabels;

/**
 * Checks on single examples shared by training and evaluation.
 */
public final class Examples
{
    private Examples()
    {
    }

    /** Whether the example has anything to learn from: a masked piece, a labelled position, or a sequence label. */
    public static boolean hasLabels(Example example)
    {
        if (example.target() instanceof MaskedTokens masked) {
            return masked.count() > 0;
        }
        if (example.target() instanceof TokenLabels labels) {
            return labels.labelledCount() > 0;
        }
        return true;
    }
}
