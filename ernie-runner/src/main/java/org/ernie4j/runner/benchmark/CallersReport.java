package org.ernie4j.runner.benchmark;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Concurrent single-text callers of one encoder, with their requests gathered into shared engine calls and with one call
 * per request (as before requests were gathered): a row per number of callers, medians of the rounds.
 *
 * @param provenance where and how the figures were measured
 * @param model the model, as the report should name it
 * @param notes how the figures were taken, one line each
 * @param rows one per number of callers, in the order measured
 */
public record CallersReport(Provenance provenance, String model, List<String> notes, List<Row> rows)
{
    public CallersReport
    {
        requireNonNull(provenance, "provenance is null");
        requireNonNull(model, "model is null");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a callers report needs at least one row");
        }
    }

    /**
     * @param callers how many threads called at once
     * @param gathered each round's figures with requests gathered
     * @param oneCallEach each round's figures with one call per request
     */
    public record Row(int callers, List<ConcurrentCallers.Point> gathered, List<ConcurrentCallers.Point> oneCallEach)
    {
        public Row
        {
            gathered = List.copyOf(gathered);
            oneCallEach = List.copyOf(oneCallEach);
            if (callers < 1 || gathered.isEmpty() || oneCallEach.isEmpty()) {
                throw new IllegalArgumentException("a row needs at least one caller and a round of each kind");
            }
        }
    }

    public String markdown()
    {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n### Concurrent callers of one encoder, %s%n%n", provenance.measuredAt()));
        text.append("- command: `").append(provenance.command()).append("`\n");
        text.append("- machine: ").append(provenance.machine()).append('\n');
        text.append("- software: ernie4j ").append(provenance.ernie4jVersion()).append(", ND4J ").append(provenance.nd4jVersion())
                .append(", Java ").append(provenance.javaVersion()).append('\n');
        if (!provenance.environment().isEmpty()) {
            text.append("- environment set by ernie4j: ").append(String.join("; ", provenance.environment())).append('\n');
        }
        notes.forEach(note -> text.append("- ").append(note).append('\n'));
        text.append('\n').append(model).append(", median of the rounds (slowest-fastest for sentences/s):\n\n");
        text.append("| callers | sentences/s, gathered | sentences/s, one call each | gathered / one call each | median latency ms, gathered | "
                + "one call each | 90th percentile ms, gathered | one call each | texts per engine call, gathered |\n");
        text.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            double gathered = median(row.gathered(), ConcurrentCallers.Point::sentencesPerSecond);
            double alone = median(row.oneCallEach(), ConcurrentCallers.Point::sentencesPerSecond);
            text.append(String.format(Locale.ROOT, "| %d | %s | %s | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", row.callers(),
                    range(row.gathered()), range(row.oneCallEach()), gathered / alone,
                    median(row.gathered(), ConcurrentCallers.Point::medianMillis), median(row.oneCallEach(), ConcurrentCallers.Point::medianMillis),
                    median(row.gathered(), ConcurrentCallers.Point::p90Millis), median(row.oneCallEach(), ConcurrentCallers.Point::p90Millis),
                    median(row.gathered(), ConcurrentCallers.Point::textsPerCall)));
        }
        return text.toString();
    }

    private static String range(List<ConcurrentCallers.Point> rounds)
    {
        double[] rates = rounds.stream().mapToDouble(ConcurrentCallers.Point::sentencesPerSecond).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", median(rounds, ConcurrentCallers.Point::sentencesPerSecond), rates[0],
                rates[rates.length - 1]);
    }

    private static double median(List<ConcurrentCallers.Point> rounds, java.util.function.ToDoubleFunction<ConcurrentCallers.Point> figure)
    {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
