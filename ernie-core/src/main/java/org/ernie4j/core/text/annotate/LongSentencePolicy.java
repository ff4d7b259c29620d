package org.ernie4j.core.text.annotate;

import org.ernie4j.core.PublicApi;

/**
 * What to do with a sentence of more tokens than the limit: such "sentences" are mostly tables, lists or markup, and
 * they slow tagging down and cannot fit one model input anyway.
 */
@PublicApi
public enum LongSentencePolicy
{
    /** Cut it into parts of at most the limit, preferably after a semicolon, colon or comma. */
    SPLIT,

    /** Leave it out. */
    SKIP
}
