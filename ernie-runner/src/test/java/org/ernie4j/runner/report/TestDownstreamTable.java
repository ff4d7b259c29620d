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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDownstreamTable
{
    private static final DownstreamTable TABLE = new DownstreamTable(List.of("same-address"), List.of("quarter", "all"),
            List.of("a-none", "b-masked-lm", "c-ernie"), "b-masked-lm", List.of(1, 2, 3));

    @TempDir
    Path root;

    @BeforeEach
    void finishedRuns()
            throws IOException
    {
        double[] reference = {0.70, 0.72, 0.74};
        double[] ernie = {0.71, 0.75, 0.79};
        double[] none = {0.60, 0.61, 0.62};
        for (int seed = 1; seed <= 3; seed++) {
            metrics("same-address/all/b-masked-lm/seed-" + seed, reference[seed - 1], reference[seed - 1] - 0.1, seed + 2);
            metrics("same-address/all/c-ernie/seed-" + seed, ernie[seed - 1], ernie[seed - 1] - 0.1, 4);
            metrics("same-address/none/a-none/seed-" + seed, none[seed - 1], none[seed - 1] - 0.1, 2);
            metrics("same-address/quarter/b-masked-lm/seed-" + seed, 0.65, 0.6, 3);
        }
        // The quarter checkpoint of c-ernie: seed 3 still running (its temporary directory), seed 2 never started.
        metrics("same-address/quarter/c-ernie/seed-1", 0.66, 0.6, 3);
        metrics("same-address/quarter/c-ernie/.seed-3.partial", 0.99, 0.99, 1);
    }

    @Test
    void finishedCellsShowMeansSpreadsAndPairedDifferences()
    {
        String table = TABLE.markdown(DownstreamRuns.read(root));

        // c-ernie - b: differences 0.01, 0.03, 0.05: mean 0.03, half-width 4.302653 * 0.02 / sqrt(3) = 0.0497
        assertThat(table).contains("| same-address | all | c-ernie | 3 | 0.7500 +- 0.0400 | 0.6500 +- 0.0400 | +0.0300 [-0.0197, +0.0797] "
                + "| +0.0300 [-0.0197, +0.0797] | 4, 4, 4 |");
        assertThat(table).contains("| same-address | all | b-masked-lm | 3 | 0.7200 +- 0.0200 | 0.6200 +- 0.0200 | (reference) | (reference) | 3, 4, 5 |");
    }

    @Test
    void anArmWithoutPretrainingHasTheSameRunsAtEveryCheckpoint()
    {
        String table = TABLE.markdown(DownstreamRuns.read(root));

        // a - b at all: differences -0.10, -0.11, -0.12: mean -0.11, sd 0.01, half-width 4.302653 * 0.01 / sqrt(3) = 0.0248
        assertThat(table).contains("| same-address | all | a-none | 3 | 0.6100 +- 0.0100 | 0.5100 +- 0.0100 | -0.1100 [-0.1348, -0.0852]");
        // a - b at quarter (b is 0.65 on every seed): differences -0.05, -0.04, -0.03
        assertThat(table).contains("| same-address | quarter | a-none | 3 | 0.6100 +- 0.0100 | 0.5100 +- 0.0100 | -0.0400 [-0.0648, -0.0152]");
    }

    @Test
    void unfinishedCellsShowWhatIsMissingAndNoFigure()
    {
        String table = TABLE.markdown(DownstreamRuns.read(root));

        assertThat(table).contains("| same-address | quarter | c-ernie | 1 of 3 | missing: seed(s) 2, 3 | | | | |");
        assertThat(table).doesNotContain("0.99");
    }

    @Test
    void aDifferenceNeedsTheReferenceComplete()
            throws IOException
    {
        Files.delete(root.resolve("same-address/all/b-masked-lm/seed-2/metrics.json"));

        String table = TABLE.markdown(DownstreamRuns.read(root));

        assertThat(table).contains("| same-address | all | b-masked-lm | 2 of 3 | missing: seed(s) 2 |");
        assertThat(table).contains("| same-address | all | c-ernie | 3 | 0.7500 +- 0.0400 | 0.6500 +- 0.0400 | reference incomplete | reference incomplete |");
    }

    @Test
    void metricsWithoutTestFiguresAreAnError()
            throws IOException
    {
        Path seed = root.resolve("same-address/all/c-ernie/seed-4");
        Files.createDirectories(seed);
        Files.writeString(seed.resolve("metrics.json"), "{\"best_epoch\": 1}");

        assertThatThrownBy(() -> DownstreamRuns.read(root)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed-4");
    }

    @Test
    void theReferenceMustBeAnArm()
    {
        assertThatThrownBy(() -> new DownstreamTable(List.of("spam"), List.of("all"), List.of("a-none"), "b-masked-lm", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b-masked-lm");
    }

    @Test
    void runsUnderASecondFolderJoinTheTableAndARunInBothIsAnError(@TempDir Path baselines)
            throws IOException
    {
        for (int seed = 1; seed <= 3; seed++) {
            metrics(baselines, "same-address/none/lexical/seed-" + seed, 0.80, 0.70 + 0.01 * seed, 2);
        }
        DownstreamTable withBaseline = new DownstreamTable(List.of("same-address"), List.of("all"), List.of("lexical", "b-masked-lm"), "b-masked-lm",
                List.of(1, 2, 3));

        String table = withBaseline.markdown(DownstreamRuns.read(List.of(root, baselines)));

        // lexical - b: accuracy 0.10, 0.08, 0.06 (mean 0.08, sd 0.02, half-width 0.0497); macro-F1 0.11, 0.10, 0.09 (0.10, 0.01, 0.0248)
        assertThat(table).contains("| same-address | all | lexical | 3 | 0.8000 +- 0.0000 | 0.7200 +- 0.0100 | +0.0800 [+0.0303, +0.1297] "
                + "| +0.1000 [+0.0752, +0.1248] | 2, 2, 2 |");

        metrics(baselines, "same-address/all/b-masked-lm/seed-1", 0.5, 0.5, 1);
        assertThatThrownBy(() -> DownstreamRuns.read(List.of(root, baselines))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(root.resolve("same-address/all/b-masked-lm/seed-1").toString())
                .hasMessageContaining(baselines.resolve("same-address/all/b-masked-lm/seed-1").toString());
    }

    private void metrics(String directory, double accuracy, double macroF1, int bestEpoch)
            throws IOException
    {
        metrics(root, directory, accuracy, macroF1, bestEpoch);
    }

    private static void metrics(Path root, String directory, double accuracy, double macroF1, int bestEpoch)
            throws IOException
    {
        Path path = root.resolve(directory);
        Files.createDirectories(path);
        // The fields ernie finetune writes that the table reads.
        Files.writeString(path.resolve("metrics.json"), String.format(Locale.ROOT,
                "{\"model\": \"m\", \"best_epoch\": %d, \"test\": {\"items\": 100, \"accuracy\": %.6f, \"macro_f1\": %.6f}}", bestEpoch, accuracy, macroF1));
    }
}
