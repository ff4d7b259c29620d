package org.ernie4j.core.finetune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static java.util.Objects.requireNonNull;

/**
 * A classifier's {@code metrics.json}: where it started, its dev metric after each epoch, its best epoch and that
 * epoch's test metrics. Fine-tuning and the lexical baseline write the same file, so that the downstream table reads
 * both alike.
 *
 * @param model what was trained (a pre-trained model's directory, or the name of a baseline)
 * @param initialize how the encoder started ({@code pretrained}, {@code random}, or {@code none} without one)
 * @param devMetric {@code macro-f1} or {@code accuracy}
 * @param outsideLabel for token data, the label left out of the micro-averaged scores; null for sequence data
 */
public record MetricsFile(String model, String initialize, List<String> labels, String devMetric, List<Double> devHistory, int bestEpoch,
                          ClassificationMetrics test, String outsideLabel)
{
    public static final String NAME = "metrics.json";

    public MetricsFile
    {
        requireNonNull(model, "model is null");
        requireNonNull(initialize, "initialize is null");
        labels = List.copyOf(labels);
        requireNonNull(devMetric, "devMetric is null");
        devHistory = List.copyOf(devHistory);
    }

    /** Writes {@code metrics.json} into {@code directory}, creating it. */
    public void writeTo(Path directory)
    {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", model);
        metrics.put("initialize", initialize);
        metrics.put("labels", labels);
        metrics.put("dev_metric", devMetric);
        metrics.put("dev_history", devHistory);
        metrics.put("best_epoch", bestEpoch);
        if (test != null) {
            Map<String, Object> testMetrics = new LinkedHashMap<>();
            testMetrics.put("items", test.total());
            testMetrics.put("accuracy", test.accuracy());
            testMetrics.put("macro_f1", test.macroF1());
            if (outsideLabel != null) {
                double[] micro = test.microExcluding(outsideLabel);
                testMetrics.put("precision", micro[0]);
                testMetrics.put("recall", micro[1]);
                testMetrics.put("f1", micro[2]);
                testMetrics.put("outside_label", outsideLabel);
            }
            testMetrics.put("per_class", test.perClass());
            testMetrics.put("confusion", test.confusion());
            metrics.put("test", testMetrics);
        }
        Path file = directory.resolve(NAME);
        try {
            Files.createDirectories(directory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), metrics);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
