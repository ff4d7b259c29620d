package org.ernie4j.core.embed;

import org.ernie4j.core.PublicApi;

/**
 * How many engine calls an encoder or classifier made and how many texts they held, since it was made: with callers on
 * several threads, texts per call says how much their requests were gathered into shared calls.
 *
 * @param calls the engine calls (a call runs its texts in batches of up to 32)
 * @param texts the texts they held
 */
@PublicApi
public record CallTally(long calls, long texts)
{
    public CallTally
    {
        if (calls < 0 || texts < 0) {
            throw new IllegalArgumentException("calls and texts are counts, not " + calls + " and " + texts);
        }
    }

    /** Texts per call (0 before the first call). */
    public double textsPerCall()
    {
        return calls == 0 ? 0 : (double) texts / calls;
    }

    /** What happened between an earlier tally and this one. */
    public CallTally since(CallTally earlier)
    {
        return new CallTally(calls - earlier.calls, texts - earlier.texts);
    }
}
