package org.ernie4j.core.engine.fused;

/**
 * One worker's running time and matrix-product work per {@link Op}. Timing a part costs two clock reads, a few dozen
 * nanoseconds against parts that take tens of microseconds or more, so it is always on.
 */
final class OpTimer
{
    private final long[] nanos = new long[Op.values().length];
    private final long[] flops = new long[Op.values().length];
    private final Gemm gemm;
    private long startedAt;
    private long flopsAtStart;

    OpTimer(Gemm gemm)
    {
        this.gemm = gemm;
    }

    void start()
    {
        startedAt = System.nanoTime();
        flopsAtStart = gemm.flops();
    }

    /** Charges the time and products since the last {@link #start()} or {@code stop} to {@code op}, and restarts. */
    void stop(Op op)
    {
        long now = System.nanoTime();
        long flopsNow = gemm.flops();
        nanos[op.ordinal()] += now - startedAt;
        flops[op.ordinal()] += flopsNow - flopsAtStart;
        startedAt = now;
        flopsAtStart = flopsNow;
    }

    /** Charges time measured elsewhere (on this worker's thread) to {@code op}. */
    void nanosAdd(Op op, long elapsed)
    {
        nanos[op.ordinal()] += elapsed;
    }

    long nanos(Op op)
    {
        return nanos[op.ordinal()];
    }

    long flops(Op op)
    {
        return flops[op.ordinal()];
    }

    void reset()
    {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(flops, 0);
    }
}
