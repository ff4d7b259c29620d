package org.ernie4j.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TestDownstreamTrend
{
    private static final DownstreamTrend TREND = new DownstreamTrend(new DownstreamTable(List.of("spam"), List.of("quarter", "half", "all"),
            List.of("a-none", "b-masked-lm", "c-ernie"), "b-masked-lm", List.of(1, 2, 3)));

    @TempDir
    Path root;

    @BeforeEach
    void finishedRuns()
            throws IOException
    {
        for (int seed = 1; seed <= 3; seed++) {
            // The reference improves with its budget; c-ernie moves away from it: +0.00, then +0.02 a seed on average.
            metrics("spam/quarter/b-masked-lm/seed-" + seed, 0.80, 0.70);
            metrics("spam/all/b-masked-lm/seed-" + seed, 0.90, 0.80 + 0.01 * seed);
            metrics("spam/quarter/c-ernie/seed-" + seed, 0.80, 0.70);
            metrics("spam/all/c-ernie/seed-" + seed, 0.91, 0.80 + 0.01 * seed + (seed == 2 ? 0.03 : 0.015));
            metrics("spam/none/a-none/seed-" + seed, 0.85, 0.75);
        }
        // Half of the budget: the reference has two seeds of three, c-ernie all three.
        metrics("spam/half/b-masked-lm/seed-1", 0.85, 0.75);
        metrics("spam/half/b-masked-lm/seed-3", 0.85, 0.75);
        for (int seed = 1; seed <= 3; seed++) {
            metrics("spam/half/c-ernie/seed-" + seed, 0.86, 0.76);
        }
    }

    @Test
    void eachArmIsOneRowOfDifferencesAlongTheBudget()
    {
        String trend = TREND.markdown(DownstreamRuns.read(root));

        assertThat(trend).contains("| dataset | arm | test macro-F1 - b-masked-lm, quarter | test macro-F1 - b-masked-lm, half | "
                + "test macro-F1 - b-masked-lm, all |\n| --- | --- | --- | --- | --- |\n");
        // all: differences 0.015, 0.03, 0.015: mean 0.02, sd 0.00866, half-width 4.302653 * 0.00866 / sqrt(3) = 0.0215
        assertThat(trend).contains("| spam | c-ernie | +0.0000 [+0.0000, +0.0000] | reference incomplete | +0.0200 [-0.0015, +0.0415] |\n");
        // The arm without pre-training has one set of runs, compared with the reference at each checkpoint.
        assertThat(trend).contains("| spam | a-none | +0.0500 [+0.0500, +0.0500] | reference incomplete | -0.0700 [-0.0948, -0.0452] |\n");
    }

    @Test
    void theReferenceRowGivesItsMeanOrWhatIsMissing()
    {
        String trend = TREND.markdown(DownstreamRuns.read(root));

        assertThat(trend).contains("| spam | b-masked-lm (its mean) | 0.7000 | 2 of 3 seeds | 0.8200 |\n");
        assertThat(trend).contains("| spam | b-masked-lm (its mean) | 0.8000 | 2 of 3 seeds | 0.9000 |\n");
    }

    @Test
    void anUnfinishedCellShowsHowManySeedsAreDone()
            throws IOException
    {
        Files.delete(root.resolve("spam/all/c-ernie/seed-3/metrics.json"));

        String trend = TREND.markdown(DownstreamRuns.read(root));

        assertThat(trend).contains("| spam | c-ernie | +0.0000 [+0.0000, +0.0000] | reference incomplete | 2 of 3 seeds |\n");
    }

    private void metrics(String directory, double accuracy, double macroF1)
            throws IOException
    {
        Path path = root.resolve(directory);
        Files.createDirectories(path);
        Files.writeString(path.resolve("metrics.json"), String.format(Locale.ROOT,
                "{\"model\": \"m\", \"best_epoch\": 2, \"test\": {\"items\": 100, \"accuracy\": %.6f, \"macro_f1\": %.6f}}", accuracy, macroF1));
    }
}
