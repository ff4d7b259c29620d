package org.ernie4j.runner.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean difference between an arm and a reference arm fine-tuned with the same seeds, and its 95% t-interval:
 * mean +- t(0.975, n - 1) * sd / sqrt(n) over the per-seed differences. Pairing by seed takes out what a seed does to
 * both arms alike (the head's initialization, the order of the training items, dropout), so the interval is narrower
 * than one from two independent samples whenever the seeds' effects are shared. Needs two seeds or more for an interval.
 */
public record PairedDifference(int pairs, double mean, double low, double high)
{
    static final double CONFIDENCE = 0.95;

    /**
     * @param arm and {@code reference} the figure of each seed, in the same seed order
     */
    public static PairedDifference of(List<Double> arm, List<Double> reference)
    {
        if (arm.size() != reference.size()) {
            throw new IllegalArgumentException("paired figures need the same seeds: " + arm.size() + " against " + reference.size());
        }
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < arm.size(); i++) {
            differences.add(arm.get(i) - reference.get(i));
        }
        SeedSummary summary = SeedSummary.of(differences);
        if (summary.seeds() < 2) {
            return new PairedDifference(summary.seeds(), summary.mean(), Double.NaN, Double.NaN);
        }
        double t = new TDistribution(summary.seeds() - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * summary.standardDeviation() / Math.sqrt(summary.seeds());
        return new PairedDifference(summary.seeds(), summary.mean(), summary.mean() - half, summary.mean() + half);
    }

    /** Whether the interval leaves out zero: the arms differ at this confidence. */
    public boolean excludesZero()
    {
        return low > 0 || high < 0;
    }
}
