package org.ernie4j.core.training.schedule;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One stage of a schedule: where it starts and how many iterations each task gets in it.
 *
 * @param index the stage number, from 0
 * @param firstStep the first step of the stage
 * @param iterations iterations of each task in this stage, by task index; 0 for tasks not yet introduced
 */
public record Stage(int index, long firstStep, List<Long> iterations)
{
    public Stage
    {
        requireNonNull(iterations, "iterations is null");
        iterations = List.copyOf(iterations);
    }

    public long length()
    {
        return iterations.stream().mapToLong(Long::longValue).sum();
    }

    public long endStep()
    {
        return firstStep + length();
    }
}
