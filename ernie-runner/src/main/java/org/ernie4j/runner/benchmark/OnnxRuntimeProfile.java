package org.ernie4j.runner.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static java.util.Objects.requireNonNull;

/**
 * Where ONNX Runtime's time went, read from the profile its session writes when profiling is on (a JSON array of trace
 * events): each node's kernel time summed by operator type, per run of the model. This is the peer's own account of its
 * calls, to set beside the fused engine's parts: it says whether a gap between the two lies in the matrix products or in
 * the work around them.
 *
 * @param runs the model runs the profile holds
 * @param millisecondsPerRun kernel time per run by operator type ({@code MatMul}, {@code LayerNormalization}, ...), largest first
 */
public record OnnxRuntimeProfile(int runs, Map<String, Double> millisecondsPerRun)
{
    /** ONNX Runtime names a node's kernel event after the node, with this ending. */
    private static final String KERNEL_EVENT = "_kernel_time";

    public OnnxRuntimeProfile
    {
        requireNonNull(millisecondsPerRun, "millisecondsPerRun is null");
        millisecondsPerRun = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(millisecondsPerRun));
    }

    /** Reads a profile file; fails naming the file if it is not one or holds no run of the model. */
    public static OnnxRuntimeProfile read(Path file)
    {
        JsonNode events;
        try {
            events = new ObjectMapper().readTree(file.toFile());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read ONNX Runtime's profile " + file + ": " + e.getMessage(), e);
        }
        if (events == null || !events.isArray()) {
            throw new IllegalArgumentException(file + " is not an ONNX Runtime profile (a JSON array of trace events)");
        }
        int runs = 0;
        Map<String, Double> microseconds = new LinkedHashMap<>();
        for (JsonNode event : events) {
            String category = event.path("cat").asText();
            String name = event.path("name").asText();
            if (category.equals("Session") && name.equals("model_run")) {
                runs++;
            }
            else if (category.equals("Node") && name.endsWith(KERNEL_EVENT)) {
                microseconds.merge(event.path("args").path("op_name").asText("unknown"), event.path("dur").asDouble(), Double::sum);
            }
        }
        if (runs == 0) {
            throw new IllegalArgumentException(file + " holds no run of the model: nothing to divide its kernels' time by");
        }
        int count = runs;
        Map<String, Double> perRun = new LinkedHashMap<>();
        microseconds.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> perRun.put(entry.getKey(), entry.getValue() / 1000 / count));
        return new OnnxRuntimeProfile(runs, perRun);
    }
}
