package org.ernie4j.core.engine.fused;

import java.util.List;

/**
 * Where the fused engine's time went, per step on average, as the first worker measured it (the workers run the same
 * parts on equal shares at the same time).
 *
 * @param steps the steps averaged
 * @param parts one entry per part that took any time, in the order of a step
 * @param gigaflopsPerStep the matrix-product work of a whole step, all workers together, in GFLOP
 */
public record StepProfile(long steps, List<Part> parts, double gigaflopsPerStep)
{
    public StepProfile
    {
        parts = List.copyOf(parts);
    }

    /**
     * One part of a step.
     *
     * @param op the part
     * @param seconds its time per step
     * @param gigaflops the matrix-product work it did per step (one worker's share), in GFLOP
     */
    public record Part(Op op, double seconds, double gigaflops)
    {
        /** The matrix-product speed of the part, or 0 where it does none. */
        public double gigaflopsPerSecond()
        {
            return seconds > 0 ? gigaflops / seconds : 0;
        }
    }

    public double totalSeconds()
    {
        return parts.stream().mapToDouble(Part::seconds).sum();
    }
}
