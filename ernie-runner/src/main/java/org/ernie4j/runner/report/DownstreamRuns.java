package org.ernie4j.runner.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static java.util.Objects.requireNonNull;

/**
 * The finished fine-tunings of an experiment, read from {@code ROOT/DATASET/FRACTION/ARM/seed-N/metrics.json} (the
 * layout {@code docs/experiments/issue-20/run.sh} writes). A fine-tuning is finished when its {@code seed-N} directory
 * exists: the driver fine-tunes into a temporary directory and renames it only after {@code ernie finetune} succeeded, so
 * an interrupted run never looks finished. A {@code metrics.json} without test figures is an error, not a missing run.
 */
public final class DownstreamRuns
{
    /** The fraction under which an arm's runs stand for every fraction (no pre-training: there is no checkpoint). */
    public static final String ANY_FRACTION = "none";
    private static final Pattern SEED = Pattern.compile("seed-(\\d+)");

    /** One finished fine-tuning's test figures. */
    public record Run(String dataset, String fraction, String arm, int seed, double accuracy, double macroF1, int bestEpoch)
    {
        public Run
        {
            requireNonNull(dataset, "dataset is null");
            requireNonNull(fraction, "fraction is null");
            requireNonNull(arm, "arm is null");
        }
    }

    private record Key(String dataset, String fraction, String arm, int seed)
    {
    }

    private final Map<Key, Run> runs;

    private DownstreamRuns(Map<Key, Run> runs)
    {
        this.runs = Map.copyOf(runs);
    }

    public static DownstreamRuns read(Path root)
    {
        return read(List.of(root));
    }

    /**
     * The runs under several roots, such as an experiment's fine-tunings and baselines trained beside them. A run found
     * under two roots is an error naming both, so that one folder cannot silently stand in for another's figures.
     */
    public static DownstreamRuns read(List<Path> roots)
    {
        Map<Key, Run> runs = new LinkedHashMap<>();
        Map<Key, Path> origins = new HashMap<>();
        for (Path root : roots) {
            for (Map.Entry<Path, Run> found : under(root).entrySet()) {
                Run run = found.getValue();
                Key key = new Key(run.dataset(), run.fraction(), run.arm(), run.seed());
                Path earlier = origins.putIfAbsent(key, found.getKey());
                if (earlier != null) {
                    throw new IllegalArgumentException("the same run is in two places: " + earlier + " and " + found.getKey());
                }
                runs.put(key, run);
            }
        }
        return new DownstreamRuns(runs);
    }

    private static Map<Path, Run> under(Path root)
    {
        Map<Path, Run> runs = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return runs;
        }
        try (Stream<Path> files = Files.find(root, 5, (path, attributes) -> path.getFileName().toString().equals("metrics.json"))) {
            for (Path metrics : files.sorted().toList()) {
                Path seedDirectory = metrics.getParent();
                Matcher seed = SEED.matcher(seedDirectory.getFileName().toString());
                if (!seed.matches() || root.relativize(seedDirectory).getNameCount() != 4) {
                    continue;
                }
                Path arm = seedDirectory.getParent();
                Path fraction = arm.getParent();
                Path dataset = fraction.getParent();
                runs.put(metrics, run(metrics, dataset.getFileName().toString(), fraction.getFileName().toString(), arm.getFileName().toString(),
                        Integer.parseInt(seed.group(1))));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the fine-tunings under " + root, e);
        }
        return runs;
    }

    private static Run run(Path metrics, String dataset, String fraction, String arm, int seed)
            throws IOException
    {
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        JsonNode test = json.path("test");
        if (!test.path("accuracy").isNumber() || !test.path("macro_f1").isNumber()) {
            throw new IllegalArgumentException(metrics + " has no test accuracy and macro_f1: was the dataset's test file empty?");
        }
        return new Run(dataset, fraction, arm, seed, test.path("accuracy").asDouble(), test.path("macro_f1").asDouble(), json.path("best_epoch").asInt());
    }

    /** The run of an arm at a fraction, or the arm's fraction-free run ({@value #ANY_FRACTION}). */
    public Optional<Run> find(String dataset, String fraction, String arm, int seed)
    {
        Run run = runs.get(new Key(dataset, fraction, arm, seed));
        return Optional.ofNullable(run != null ? run : runs.get(new Key(dataset, ANY_FRACTION, arm, seed)));
    }

    public int size()
    {
        return runs.size();
    }
}
