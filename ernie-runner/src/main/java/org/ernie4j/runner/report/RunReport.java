package org.ernie4j.runner.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.evaluate.ForgettingMatrix;
import org.ernie4j.core.training.evaluate.TaskEvaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static java.util.Objects.requireNonNull;

/**
 * Turns a run directory into a report: {@code index.html} (per-task loss curves and the forgetting matrix as heat
 * maps, inline SVG, viewable without a network), {@code report.json}, and CSV files of the losses, evaluations and
 * forgetting.
 */
public final class RunReport
{
    private static final int SMOOTHING = 25;

    private final RunRecords records;

    public RunReport(RunRecords records)
    {
        this.records = requireNonNull(records, "records is null");
    }

    /** The report's data, as written to {@code report.json}. */
    public record Data(String run, List<String> tasks, long steps, Map<String, Long> introducedAt, Map<String, List<double[]>> smoothedLoss,
            List<TaskEvaluation> evaluations, List<ForgettingMatrix.Forgetting> forgetting)
    {
    }

    public Data data()
    {
        ForgettingMatrix matrix = ForgettingMatrix.of(records.evaluations());
        return new Data(records.directory().toString(), records.tasks(), records.steps().size(), LossCurves.introductions(records.steps()),
                LossCurves.smoothed(records.steps(), SMOOTHING), records.evaluations(), matrix.forgetting());
    }

    /** Writes the report into {@code directory} and returns the HTML file. */
    public Path write(Path directory)
    {
        Data data = data();
        ForgettingMatrix matrix = ForgettingMatrix.of(records.evaluations());
        try {
            Files.createDirectories(directory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("report.json").toFile(), data);
            Files.writeString(directory.resolve("losses.csv"), lossesCsv(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("evaluations.csv"), evaluationsCsv(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("forgetting.csv"), forgettingCsv(matrix), StandardCharsets.UTF_8);
            Path html = directory.resolve("index.html");
            Files.writeString(html, html(data, matrix), StandardCharsets.UTF_8);
            return html;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + directory, e);
        }
    }

    private String html(Data data, ForgettingMatrix matrix)
    {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ernie4j run report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}"
                        + "td:first-child,th:first-child{text-align:left}pre{background:#f8f8f8;padding:1em;overflow:auto}</style>\n")
                .append("</head><body>\n<h1>ernie4j run report</h1>\n");
        page.append("<p>Run <code>").append(Html.escape(data.run())).append("</code>: ").append(data.steps()).append(" steps, tasks ")
                .append(Html.escape(String.join(", ", data.tasks()))).append(".</p>\n");
        page.append("<h2>Training loss per task</h2>\n<p>Moving average over each task's last ").append(SMOOTHING)
                .append(" steps; dashed lines mark where a task joined.</p>\n");
        List<Series> series = new ArrayList<>();
        data.smoothedLoss().forEach((task, points) -> series.add(new Series(task, points)));
        List<Double> markers = data.introducedAt().values().stream().filter(step -> step > 0).map(Long::doubleValue).toList();
        page.append(SvgLineChart.render(series, markers, "step", "loss"));
        if (matrix.isEmpty()) {
            page.append("<h2>Forgetting</h2>\n<p>No held-out evaluations in this run (evaluation.held-out was 0).</p>\n");
        }
        else {
            appendForgetting(page, matrix);
        }
        Path config = records.directory().resolve("config.yaml");
        if (Files.isRegularFile(config)) {
            try {
                page.append("<h2>Configuration</h2>\n<pre>").append(Html.escape(Files.readString(config))).append("</pre>\n");
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + config, e);
            }
        }
        return page.append("</body></html>\n").toString();
    }

    private static void appendForgetting(StringBuilder page, ForgettingMatrix matrix)
    {
        List<String> rowLabels = new ArrayList<>();
        double[][] accuracy = new double[matrix.rows().size()][matrix.tasks().size()];
        double[][] loss = new double[matrix.rows().size()][matrix.tasks().size()];
        for (int row = 0; row < matrix.rows().size(); row++) {
            ForgettingMatrix.Row evaluation = matrix.rows().get(row);
            rowLabels.add("step " + evaluation.step() + " (stage " + evaluation.stage() + ")");
            for (int column = 0; column < matrix.tasks().size(); column++) {
                var result = evaluation.result(matrix.tasks().get(column));
                accuracy[row][column] = result.map(TaskEvaluation::accuracy).orElse(Double.NaN);
                loss[row][column] = result.map(TaskEvaluation::loss).orElse(Double.NaN);
            }
        }
        page.append("<h2>Final held-out accuracy against its baselines</h2>\n<p>Each task's last evaluation with its 95% interval (the wider of"
                + " Wilson's and a bootstrap over held-out documents), the accuracy of always answering the most frequent label and of the best"
                + " predictor that sees only the input's layout, and the items, examples and documents the figure rests on. A task is above"
                + " baseline only when its whole interval is.</p>\n<table>\n<tr><th>task</th><th>accuracy</th><th>95% interval</th>"
                + "<th>majority label</th><th>layout only</th><th>items (examples, documents)</th><th>verdict</th></tr>\n");
        for (TaskEvaluation result : matrix.finalResults().values()) {
            page.append("<tr><td>").append(Html.escape(result.task())).append("</td><td>").append(BaselineTable.number(result.accuracy()))
                    .append("</td><td>").append(result.interval().isKnown() ? BaselineTable.number(result.interval().low()) + " to "
                            + BaselineTable.number(result.interval().high()) : "-")
                    .append("</td><td>").append(BaselineTable.number(result.baseline().majority()))
                    .append("</td><td>").append(BaselineTable.number(result.baseline().layout()))
                    .append("</td><td>").append(BaselineTable.size(result))
                    .append("</td><td>").append(result.verdict().text()).append("</td></tr>\n");
        }
        page.append("</table>\n");
        page.append("<h2>Held-out accuracy (forgetting matrix)</h2>\n<p>Rows: evaluations after each stage (and every so many steps if configured);"
                + " columns: tasks. Darker is better.</p>\n");
        page.append(SvgHeatMap.render(rowLabels, matrix.tasks(), accuracy, true));
        page.append("<h2>Held-out loss</h2>\n");
        page.append(SvgHeatMap.render(rowLabels, matrix.tasks(), loss, false));
        page.append("<h2>Forgetting per task</h2>\n<p>Best value at any evaluation before the last, against the last.</p>\n<table>\n"
                + "<tr><th>task</th><th>best accuracy</th><th>final accuracy</th><th>forgetting</th><th>lowest loss</th><th>final loss</th>"
                + "<th>loss increase</th></tr>\n");
        for (ForgettingMatrix.Forgetting task : matrix.forgetting()) {
            page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td></tr>%n",
                    Html.escape(task.task()), task.bestAccuracy(), task.finalAccuracy(), task.accuracyForgetting(), task.bestLoss(),
                    task.finalLoss(), task.lossForgetting()));
        }
        page.append("</table>\n");
    }

    private String lossesCsv()
    {
        StringBuilder csv = new StringBuilder("step,task,loss,accuracy,masked_lm_loss,tokens,seconds\n");
        for (StepRecord step : records.steps()) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%d,%.4f%n", step.step(), step.task(), csvNumber(step.loss()),
                    csvNumber(step.accuracy()), csvNumber(step.maskedLmLoss()), step.tokens(), step.seconds()));
        }
        return csv.toString();
    }

    private String evaluationsCsv()
    {
        StringBuilder csv = new StringBuilder("step,stage,task,loss,accuracy,accuracy_low,accuracy_high,majority_baseline,layout_baseline,verdict,"
                + "labelled,examples,documents\n");
        for (TaskEvaluation evaluation : records.evaluations()) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%d,%d,%d%n", evaluation.step(), evaluation.stage(), evaluation.task(),
                    csvNumber(evaluation.loss()), csvNumber(evaluation.accuracy()), csvNumber(evaluation.interval().low()),
                    csvNumber(evaluation.interval().high()), csvNumber(evaluation.baseline().majority()), csvNumber(evaluation.baseline().layout()),
                    evaluation.verdict().text(), evaluation.labelled(), evaluation.examples(), evaluation.documents()));
        }
        return csv.toString();
    }

    private static String forgettingCsv(ForgettingMatrix matrix)
    {
        StringBuilder csv = new StringBuilder("task,best_accuracy,final_accuracy,accuracy_forgetting,lowest_loss,final_loss,loss_increase\n");
        for (ForgettingMatrix.Forgetting task : matrix.forgetting()) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s%n", task.task(), csvNumber(task.bestAccuracy()),
                    csvNumber(task.finalAccuracy()), csvNumber(task.accuracyForgetting()), csvNumber(task.bestLoss()),
                    csvNumber(task.finalLoss()), csvNumber(task.lossForgetting())));
        }
        return csv.toString();
    }

    private static String csvNumber(double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
    }
}
