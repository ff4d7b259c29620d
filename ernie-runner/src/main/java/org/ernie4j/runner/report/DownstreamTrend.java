package org.ernie4j.runner.report;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * The downstream table read along the budget: per dataset and arm, one row with the arm's paired difference from the
 * reference arm at each checkpoint fraction (a quarter, a half and all of the pre-training budget), so that a row shows
 * whether the arm moves away from the reference as both pre-train longer. The reference's own mean is a row of its
 * own. The same rule as the table: a cell without all of its seeds, or whose reference cell lacks some, shows what is
 * missing and no figure. The datasets, fractions, arms, reference and seeds are the table's ({@code layout}).
 */
public record DownstreamTrend(DownstreamTable layout)
{
    public DownstreamTrend
    {
        requireNonNull(layout, "layout is null");
    }

    /** Both figures' trends, macro-F1 first (PLAN.md's primary metric), then accuracy. */
    public String markdown(DownstreamRuns runs)
    {
        return table(runs, "macro-F1", DownstreamRuns.Run::macroF1) + "\n" + table(runs, "accuracy", DownstreamRuns.Run::accuracy)
                + "\nthe reference's rows give its mean over the seeds; the others, the arm's difference from it paired by seed, "
                + "mean [95% t-interval], at each checkpoint of the pre-training budget.\n";
    }

    private String table(DownstreamRuns runs, String name, ToDoubleFunction<DownstreamRuns.Run> figure)
    {
        StringBuilder text = new StringBuilder("| dataset | arm |");
        for (String fraction : layout.fractions()) {
            text.append(" test ").append(name).append(" - ").append(layout.reference()).append(", ").append(fraction).append(" |");
        }
        text.append("\n|").append(" --- |".repeat(2 + layout.fractions().size())).append("\n");
        for (String dataset : layout.datasets()) {
            text.append("| ").append(dataset).append(" | ").append(layout.reference()).append(" (its mean) |");
            for (String fraction : layout.fractions()) {
                Optional<List<DownstreamRuns.Run>> referenceRuns = SeedCells.complete(runs, layout.seeds(), dataset, fraction, layout.reference());
                text.append(" ").append(referenceRuns.map(list -> SeedCells.mean(list, figure))
                        .orElseGet(() -> missing(runs, dataset, fraction, layout.reference()))).append(" |");
            }
            text.append("\n");
            for (String arm : layout.arms()) {
                if (!arm.equals(layout.reference())) {
                    text.append(row(runs, dataset, arm, figure));
                }
            }
        }
        return text.toString();
    }

    private String row(DownstreamRuns runs, String dataset, String arm, ToDoubleFunction<DownstreamRuns.Run> figure)
    {
        StringBuilder text = new StringBuilder("| ").append(dataset).append(" | ").append(arm).append(" |");
        for (String fraction : layout.fractions()) {
            Optional<List<DownstreamRuns.Run>> armRuns = SeedCells.complete(runs, layout.seeds(), dataset, fraction, arm);
            Optional<List<DownstreamRuns.Run>> referenceRuns = SeedCells.complete(runs, layout.seeds(), dataset, fraction, layout.reference());
            text.append(" ");
            if (armRuns.isEmpty()) {
                text.append(missing(runs, dataset, fraction, arm));
            }
            else if (referenceRuns.isEmpty()) {
                text.append("reference incomplete");
            }
            else {
                text.append(SeedCells.difference(armRuns.get(), referenceRuns.get(), figure));
            }
            text.append(" |");
        }
        return text.append("\n").toString();
    }

    private String missing(DownstreamRuns runs, String dataset, String fraction, String arm)
    {
        return SeedCells.finished(runs, layout.seeds(), dataset, fraction, arm) + " of " + layout.seeds().size() + " seeds";
    }
}
