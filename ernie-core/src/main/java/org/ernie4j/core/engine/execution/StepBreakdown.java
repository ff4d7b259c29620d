package org.ernie4j.core.engine.execution;

import java.util.List;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * Where a step's time went, per step on average, as the fused engine's first worker measured it (the workers run the
 * same parts on equal shares at the same time).
 *
 * @param steps the steps averaged
 * @param parts one entry per part that took any time, in the order of a step
 * @param gigaflopsPerStep the matrix-product work of a whole step, all workers together, in GFLOP
 */
@PublicApi
public record StepBreakdown(long steps, List<Part> parts, double gigaflopsPerStep)
{
    public StepBreakdown
    {
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
    }

    /**
     * One part of a step.
     *
     * @param description what the part does
     * @param seconds its time per step
     * @param gigaflops the matrix-product work it did per step (one worker's share), in GFLOP
     */
    public record Part(String description, double seconds, double gigaflops)
    {
        public Part
        {
            requireNonNull(description, "description is null");
        }

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
