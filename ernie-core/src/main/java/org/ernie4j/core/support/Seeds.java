package org.ernie4j.core.support;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.ernie4j.core.PublicApi;

/**
 * Derives independent random seeds from a run seed and a purpose (a parameter name, a step, a task and epoch), so that
 * every random choice of a run is a pure function of the run seed and a position: nothing depends on the order in which
 * things happen to be computed, and a resumed run draws exactly what an uninterrupted one would.
 */
@PublicApi
public final class Seeds
{
    private Seeds()
    {
    }

    /** A seed mixed from a base seed and any number of parts. */
    public static long mix(long seed, long... parts)
    {
        long state = splitMix(seed ^ 0x9E3779B97F4A7C15L);
        for (long part : parts) {
            state = splitMix(state ^ splitMix(part + 0x632BE59BD9B4E019L));
        }
        return state;
    }

    /** A seed mixed from a base seed and a name. */
    public static long mix(long seed, String name)
    {
        long hash = 1125899906842597L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return mix(seed, hash);
    }

    /** A fresh generator for a derived seed. */
    public static SplittableRandom random(long seed, long... parts)
    {
        return new SplittableRandom(mix(seed, parts));
    }

    private static long splitMix(long z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
