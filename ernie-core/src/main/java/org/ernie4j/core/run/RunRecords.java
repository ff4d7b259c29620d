package org.ernie4j.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.evaluate.AccuracyInterval;
import org.ernie4j.core.training.evaluate.ClassAccuracy;
import org.ernie4j.core.training.evaluate.TaskEvaluation;
import org.ernie4j.spi.baseline.BaselineAccuracy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static java.util.Objects.requireNonNull;

/**
 * What a run directory recorded: every training step ({@code metrics.jsonl}) and every held-out evaluation
 * ({@code evaluations.jsonl}).
 */
@PublicApi
public record RunRecords(Path directory, List<StepRecord> steps, List<TaskEvaluation> evaluations)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunRecords
    {
        requireNonNull(directory, "directory is null");
        steps = List.copyOf(steps);
        evaluations = List.copyOf(evaluations);
    }

    /** Reads a run directory; a malformed line is an error naming the file and line. */
    public static RunRecords read(Path directory)
    {
        Path metrics = directory.resolve(PretrainingRun.METRICS);
        if (!Files.isRegularFile(metrics)) {
            throw new IllegalArgumentException(directory + " is not a run directory: it has no " + PretrainingRun.METRICS);
        }
        List<StepRecord> steps = new ArrayList<>();
        for (Line line : lines(metrics)) {
            JsonNode node = line.node();
            steps.add(new StepRecord(node.path("step").asLong(), text(line, "task"), number(node, "loss"), number(node, "accuracy"),
                    node.path("examples").asInt(), node.path("tokens").asInt(), number(node, "gradient_norm"), number(node, "learning_rate"),
                    number(node, "seconds"), number(node, "data_seconds"), number(node, "masked_lm_loss"),
                    node.path("masked_lm_tokens").asInt(StepRecord.NOT_RECORDED)));
        }
        List<TaskEvaluation> evaluations = new ArrayList<>();
        Path evaluationFile = directory.resolve(PretrainingRun.EVALUATIONS);
        if (Files.isRegularFile(evaluationFile)) {
            for (Line line : lines(evaluationFile)) {
                JsonNode node = line.node();
                // Records written before intervals and baselines were kept lack those fields: they read as unknown.
                evaluations.add(new TaskEvaluation(node.path("step").asLong(), node.path("stage").asInt(), text(line, "task"),
                        number(node, "loss"), number(node, "accuracy"), node.path("labelled").asLong(), node.path("examples").asInt(),
                        node.path("documents").asInt(), new AccuracyInterval(number(node, "accuracy_low"), number(node, "accuracy_high")),
                        new BaselineAccuracy(node.path("labelled").asLong(), number(node, "majority_baseline"), number(node, "layout_baseline")),
                        byClass(line)));
            }
        }
        return new RunRecords(directory, steps, evaluations);
    }

    /** The split by class of an evaluation line; {@link ClassAccuracy#NONE} for lines written before it was kept. */
    private static ClassAccuracy byClass(Line line)
    {
        JsonNode labelled = line.node().get("class_labelled");
        JsonNode correct = line.node().get("class_correct");
        if (labelled == null && correct == null) {
            return ClassAccuracy.NONE;
        }
        long[] labelledCounts = counts(line, labelled, "class_labelled");
        long[] correctCounts = counts(line, correct, "class_correct");
        JsonNode answered = line.node().get("class_answered");
        long[][] answers = new long[0][];
        if (answered != null) {
            if (!answered.isArray()) {
                throw new IllegalArgumentException(line.file() + ", line " + line.number() + ": field 'class_answered' is not an array of arrays");
            }
            answers = new long[answered.size()][];
            for (int c = 0; c < answers.length; c++) {
                answers[c] = counts(line, answered.get(c), "class_answered");
            }
        }
        try {
            return new ClassAccuracy(labelledCounts, correctCounts, answers);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(line.file() + ", line " + line.number() + ": " + e.getMessage(), e);
        }
    }

    private static long[] counts(Line line, JsonNode array, String field)
    {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(line.file() + ", line " + line.number() + ": field '" + field + "' is missing or not an array");
        }
        long[] counts = new long[array.size()];
        for (int i = 0; i < counts.length; i++) {
            if (!array.get(i).canConvertToLong() || !array.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException(line.file() + ", line " + line.number() + ": field '" + field + "' holds a non-count, "
                        + array.get(i));
            }
            counts[i] = array.get(i).asLong();
        }
        return counts;
    }

    /** The task names in order of first appearance in training. */
    public List<String> tasks()
    {
        return steps.stream().map(StepRecord::task).distinct().toList();
    }

    private record Line(Path file, int number, JsonNode node)
    {
    }

    private static List<Line> lines(Path file)
    {
        List<Line> lines = new ArrayList<>();
        try {
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i).isBlank()) {
                    continue;
                }
                try {
                    lines.add(new Line(file, i + 1, JSON.readTree(text.get(i))));
                }
                catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ", line " + (i + 1) + ": not a JSON object: " + e.getOriginalMessage(), e);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return lines;
    }

    private static String text(Line line, String field)
    {
        JsonNode value = line.node().get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(line.file() + ", line " + line.number() + ": field '" + field + "' is missing or not text");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? Double.NaN : value.asDouble();
    }
}
