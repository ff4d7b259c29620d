package org.ernie4j.core.model;

/**
 * How a parameter is filled before training.
 */
public enum Initialization
{
    /** Truncated normal (two standard deviations) with the configured initializer range, as BERT. */
    NORMAL,
    ZEROS,
    ONES
}
