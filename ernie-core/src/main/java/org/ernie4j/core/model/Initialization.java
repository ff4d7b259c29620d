package org.ernie4j.core.model;

import org.ernie4j.core.PublicApi;

/**
 * How a parameter is filled before training.
 */
@PublicApi
public enum Initialization
{
    /** Truncated normal (two standard deviations) with the configured initializer range, as BERT. */
    NORMAL,
    ZEROS,
    ONES
}
