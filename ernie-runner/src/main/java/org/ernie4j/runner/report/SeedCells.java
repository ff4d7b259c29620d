package org.ernie4j.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What the downstream tables say about one cell (dataset, checkpoint fraction, arm): its runs when every seed has
 * finished, its mean and spread, and its paired difference from another cell, in the tables' number format.
 */
final class SeedCells
{
    private SeedCells()
    {
    }

    /** The runs of every seed, in seed order, or nothing when one is missing. */
    static Optional<List<DownstreamRuns.Run>> complete(DownstreamRuns runs, List<Integer> seeds, String dataset, String fraction, String arm)
    {
        List<DownstreamRuns.Run> list = new ArrayList<>();
        for (int seed : seeds) {
            Optional<DownstreamRuns.Run> run = runs.find(dataset, fraction, arm, seed);
            if (run.isEmpty()) {
                return Optional.empty();
            }
            list.add(run.get());
        }
        return Optional.of(list);
    }

    /** How many of the seeds have finished in a cell. */
    static long finished(DownstreamRuns runs, List<Integer> seeds, String dataset, String fraction, String arm)
    {
        return seeds.stream().filter(seed -> runs.find(dataset, fraction, arm, seed).isPresent()).count();
    }

    /** {@code mean +- standard deviation} of a figure over the runs (the mean alone for one run). */
    static String summary(List<DownstreamRuns.Run> runs, ToDoubleFunction<DownstreamRuns.Run> figure)
    {
        SeedSummary summary = SeedSummary.of(runs.stream().map(figure::applyAsDouble).toList());
        return Double.isNaN(summary.standardDeviation()) ? format(summary.mean())
                : format(summary.mean()) + " +- " + format(summary.standardDeviation());
    }

    /** The mean of a figure over the runs. */
    static String mean(List<DownstreamRuns.Run> runs, ToDoubleFunction<DownstreamRuns.Run> figure)
    {
        return format(SeedSummary.of(runs.stream().map(figure::applyAsDouble).toList()).mean());
    }

    /** {@code arm - reference} paired by seed: {@code mean [low, high]}, the 95% t-interval. */
    static String difference(List<DownstreamRuns.Run> arm, List<DownstreamRuns.Run> reference, ToDoubleFunction<DownstreamRuns.Run> figure)
    {
        PairedDifference difference = PairedDifference.of(arm.stream().map(figure::applyAsDouble).toList(),
                reference.stream().map(figure::applyAsDouble).toList());
        String mean = String.format(Locale.ROOT, "%+.4f", difference.mean());
        if (Double.isNaN(difference.low())) {
            return mean + " [one seed: no interval]";
        }
        return mean + String.format(Locale.ROOT, " [%+.4f, %+.4f]", difference.low(), difference.high());
    }

    private static String format(double value)
    {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
