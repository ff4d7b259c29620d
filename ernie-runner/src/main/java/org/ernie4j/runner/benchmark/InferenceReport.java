package org.ernie4j.runner.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.ernie4j.core.model.EncoderConfig;

import static java.util.Objects.requireNonNull;

/**
 * The inference benchmark's section of the report: per model, sentences per second of each engine at each batch size and
 * input length (the median of the rounds, with the slowest and fastest round), the fused engine against ONNX Runtime,
 * and each engine's peak resident memory.
 *
 * @param engines the engines in the order measured, {@code onnxruntime} among them or not
 * @param notes lines said before the tables: threads, load, the kernels each side ran
 */
public record InferenceReport(Provenance provenance, List<String> engines, List<ModelFigures> models, List<String> notes)
{
    public static final String ONNX_RUNTIME = "onnxruntime";

    public InferenceReport
    {
        requireNonNull(provenance, "provenance is null");
        engines = List.copyOf(engines);
        models = List.copyOf(models);
        notes = List.copyOf(notes);
    }

    /**
     * One model's figures: every round's sentences per second by engine and shape, every round's peak RSS by engine, and,
     * when asked for, every round's breakdown of a call by engine, shape and part (milliseconds per call).
     */
    public record ModelFigures(String name, EncoderConfig shape, Map<String, Map<Shape, List<Double>>> sentencesPerSecond,
            Map<String, List<Long>> peakResidentBytes, Map<String, Map<Shape, Map<String, List<Double>>>> breakdowns)
    {
        public ModelFigures
        {
            requireNonNull(name, "name is null");
            requireNonNull(shape, "shape is null");
            sentencesPerSecond = copy(sentencesPerSecond);
            peakResidentBytes = Map.copyOf(peakResidentBytes);
            Map<String, Map<Shape, Map<String, List<Double>>>> parts = new LinkedHashMap<>();
            breakdowns.forEach((engine, byShape) -> parts.put(engine, copyParts(byShape)));
            breakdowns = Collections.unmodifiableMap(parts);
        }

        private static Map<String, Map<Shape, List<Double>>> copy(Map<String, Map<Shape, List<Double>>> figures)
        {
            Map<String, Map<Shape, List<Double>>> copy = new LinkedHashMap<>();
            figures.forEach((engine, byShape) -> copy.put(engine, Map.copyOf(byShape)));
            return Collections.unmodifiableMap(copy);
        }

        private static Map<Shape, Map<String, List<Double>>> copyParts(Map<Shape, Map<String, List<Double>>> byShape)
        {
            Map<Shape, Map<String, List<Double>>> copy = new LinkedHashMap<>();
            byShape.forEach((shape, parts) -> copy.put(shape, Collections.unmodifiableMap(new LinkedHashMap<>(parts))));
            return Collections.unmodifiableMap(copy);
        }
    }

    /** Inputs per call and positions per input. */
    public record Shape(int batch, int length)
    {
    }

    public String markdown()
    {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%n### Inference benchmark, %s%n%n", provenance.measuredAt()));
        text.append("- command: `").append(provenance.command()).append("`\n");
        text.append("- machine: ").append(provenance.machine()).append('\n');
        text.append("- software: ernie4j ").append(provenance.ernie4jVersion()).append(", ND4J ").append(provenance.nd4jVersion())
                .append(", Java ").append(provenance.javaVersion()).append('\n');
        text.append("- environment set by ernie4j: ").append(provenance.environment().isEmpty() ? "nothing" : String.join("; ", provenance.environment()))
                .append('\n');
        notes.forEach(note -> text.append("- ").append(note).append('\n'));
        for (ModelFigures model : models) {
            EncoderConfig shape = model.shape();
            text.append(String.format(Locale.ROOT, "%n%s (vocab %d, hidden %d, %d layers, %d heads, FFN %d), sentences/s: median of the rounds "
                    + "(slowest-fastest)%n%n", model.name(), shape.vocabularySize(), shape.hidden(), shape.layers(), shape.heads(), shape.intermediate()));
            text.append("| batch x pieces |");
            engines.forEach(engine -> text.append(' ').append(engine).append(" |"));
            boolean ratio = engines.contains("fused") && engines.contains(ONNX_RUNTIME);
            text.append(ratio ? " fused / onnxruntime |\n" : "\n");
            text.append("| --- |".repeat(1)).append(" --- |".repeat(engines.size() + (ratio ? 1 : 0))).append('\n');
            for (Shape point : shapes(model)) {
                text.append(String.format(Locale.ROOT, "| %d x %d |", point.batch(), point.length()));
                for (String engine : engines) {
                    List<Double> rounds = model.sentencesPerSecond().getOrDefault(engine, Map.of()).getOrDefault(point, List.of());
                    text.append(' ').append(rounds.isEmpty() ? "-" : String.format(Locale.ROOT, "%s (%s-%s)", figure(median(rounds)),
                            figure(Collections.min(rounds)), figure(Collections.max(rounds)))).append(" |");
                }
                if (ratio) {
                    List<Double> fused = model.sentencesPerSecond().getOrDefault("fused", Map.of()).getOrDefault(point, List.of());
                    List<Double> onnx = model.sentencesPerSecond().getOrDefault(ONNX_RUNTIME, Map.of()).getOrDefault(point, List.of());
                    text.append(' ').append(fused.isEmpty() || onnx.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", median(fused) / median(onnx)))
                            .append(" |");
                }
                text.append('\n');
            }
            text.append("| peak RSS |");
            for (String engine : engines) {
                List<Long> peaks = model.peakResidentBytes().getOrDefault(engine, List.of());
                text.append(' ').append(peaks.isEmpty() || peaks.contains(-1L) ? "unknown"
                        : String.format(Locale.ROOT, "%.0f MiB", median(peaks.stream().map(Long::doubleValue).toList()) / (1024 * 1024))).append(" |");
            }
            text.append(ratio ? " |\n" : "\n");
            breakdowns(model, text);
        }
        return text.toString();
    }

    /**
     * Each engine's own account of a call, where it was asked for: the fused engine's parts (its first worker's profile,
     * each part's share of it applied to the call's time), ONNX Runtime's kernel time by operator type (its session's
     * profile, from a profiled session run after the timed one). The two name different things, so each is listed as it
     * comes; set beside each other they say whether a gap lies in the products or around them.
     */
    private void breakdowns(ModelFigures model, StringBuilder text)
    {
        if (model.breakdowns().isEmpty()) {
            return;
        }
        text.append(String.format(Locale.ROOT, "%nWhere a call's time goes, ms per call (median of the rounds): the fused engine's parts from its "
                + "first worker's profile, each part's share applied to the call's time; ONNX Runtime's kernel time by operator type from its "
                + "own profile (a profiled session after the timed one), whose total leaves out what lies between its kernels%n%n"));
        text.append("| batch x pieces | engine | total | parts, largest first |\n| --- | --- | --- | --- |\n");
        for (Shape point : shapes(model)) {
            for (String engine : engines) {
                Map<String, List<Double>> parts = model.breakdowns().getOrDefault(engine, Map.of()).get(point);
                if (parts == null || parts.isEmpty()) {
                    continue;
                }
                Map<String, Double> medians = new LinkedHashMap<>();
                parts.forEach((part, rounds) -> medians.put(part, median(rounds)));
                double total = medians.values().stream().mapToDouble(Double::doubleValue).sum();
                String listed = medians.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .map(entry -> String.format(Locale.ROOT, "%s %s", entry.getKey(), milliseconds(entry.getValue())))
                        .collect(Collectors.joining(", "));
                text.append(String.format(Locale.ROOT, "| %d x %d | %s | %s | %s |%n", point.batch(), point.length(), engine, milliseconds(total), listed));
            }
        }
    }

    private static String milliseconds(double value)
    {
        return value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private List<Shape> shapes(ModelFigures model)
    {
        List<Shape> shapes = new ArrayList<>();
        model.sentencesPerSecond().values().forEach(byShape -> byShape.keySet().stream().filter(shape -> !shapes.contains(shape)).forEach(shapes::add));
        shapes.sort((a, b) -> a.batch() != b.batch() ? Integer.compare(a.batch(), b.batch()) : Integer.compare(a.length(), b.length()));
        return shapes;
    }

    private static String figure(double value)
    {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static double median(List<Double> values)
    {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
