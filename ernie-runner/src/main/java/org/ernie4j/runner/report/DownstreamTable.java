package org.ernie4j.runner.report;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The downstream table of an experiment: per dataset, checkpoint fraction and arm, the seeds, the mean and standard
 * deviation of test accuracy and macro-F1 (over tokens for a token dataset), and each arm's paired difference from the
 * reference arm with its 95% t-interval. A cell whose seeds are not all finished shows which are missing and no figure:
 * a mean over the seeds that happen to be done would be chosen by what finished first.
 */
public record DownstreamTable(List<String> datasets, List<String> fractions, List<String> arms, String reference, List<Integer> seeds)
{
    public DownstreamTable
    {
        datasets = List.copyOf(requireNonNull(datasets, "datasets is null"));
        fractions = List.copyOf(requireNonNull(fractions, "fractions is null"));
        arms = List.copyOf(requireNonNull(arms, "arms is null"));
        requireNonNull(reference, "reference is null");
        seeds = List.copyOf(requireNonNull(seeds, "seeds is null"));
        if (!arms.contains(reference)) {
            throw new IllegalArgumentException("the reference arm " + reference + " is not one of the arms " + arms);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
    }

    public String markdown(DownstreamRuns runs)
    {
        StringBuilder text = new StringBuilder();
        text.append("| dataset | checkpoint | arm | seeds | test accuracy | test macro-F1 | accuracy - ").append(reference)
                .append(" [95% CI] | macro-F1 - ").append(reference).append(" [95% CI] | best epochs |\n");
        text.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String dataset : datasets) {
            for (String fraction : fractions) {
                Optional<List<DownstreamRuns.Run>> referenceRuns = complete(runs, dataset, fraction, reference);
                for (String arm : arms) {
                    text.append(row(runs, dataset, fraction, arm, referenceRuns));
                }
            }
        }
        text.append("\nmean +- standard deviation over the seeds; differences paired by seed, mean [95% t-interval]; ")
                .append("macro-F1 of a token dataset is over its tokens; ")
                .append("an arm fine-tuned without pre-training (").append(DownstreamRuns.ANY_FRACTION)
                .append(") has the same runs at every checkpoint.\n");
        return text.toString();
    }

    private String row(DownstreamRuns runs, String dataset, String fraction, String arm, Optional<List<DownstreamRuns.Run>> referenceRuns)
    {
        String start = "| " + dataset + " | " + fraction + " | " + arm + " | ";
        Optional<List<DownstreamRuns.Run>> armRuns = complete(runs, dataset, fraction, arm);
        if (armRuns.isEmpty()) {
            List<Integer> missing = seeds.stream().filter(seed -> runs.find(dataset, fraction, arm, seed).isEmpty()).toList();
            return start + (seeds.size() - missing.size()) + " of " + seeds.size() + " | missing: seed(s) " + join(missing) + " | | | | |\n";
        }
        List<DownstreamRuns.Run> list = armRuns.get();
        String accuracyDifference = "";
        String f1Difference = "";
        if (arm.equals(reference)) {
            accuracyDifference = "(reference)";
            f1Difference = "(reference)";
        }
        else if (referenceRuns.isPresent()) {
            accuracyDifference = SeedCells.difference(list, referenceRuns.get(), DownstreamRuns.Run::accuracy);
            f1Difference = SeedCells.difference(list, referenceRuns.get(), DownstreamRuns.Run::macroF1);
        }
        else {
            accuracyDifference = "reference incomplete";
            f1Difference = "reference incomplete";
        }
        return start + list.size() + " | " + SeedCells.summary(list, DownstreamRuns.Run::accuracy) + " | "
                + SeedCells.summary(list, DownstreamRuns.Run::macroF1) + " | " + accuracyDifference + " | " + f1Difference + " | "
                + join(list.stream().map(DownstreamRuns.Run::bestEpoch).toList()) + " |\n";
    }

    /** The runs of every seed, in seed order, or nothing when one is missing. */
    private Optional<List<DownstreamRuns.Run>> complete(DownstreamRuns runs, String dataset, String fraction, String arm)
    {
        return SeedCells.complete(runs, seeds, dataset, fraction, arm);
    }

    private static String join(List<Integer> values)
    {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
