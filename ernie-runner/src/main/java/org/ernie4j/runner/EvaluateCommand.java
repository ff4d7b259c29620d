package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ernie4j.core.finetune.ClassificationMetrics;
import org.ernie4j.core.finetune.FineTunedModel;
import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.finetune.ModelEvaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ernie evaluate --model DIR --data FILE}: a fine-tuned model's accuracy, macro-F1, per-class scores and confusion
 * matrix (and micro precision, recall and F1 for token labels) on labelled data, printed and written as JSON.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a fine-tuned model on labelled data: accuracy, macro-F1, confusion matrix (precision/recall/F1 for token labels).")
final class EvaluateCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--model", required = true, paramLabel = "DIR", description = "A fine-tuned model (the best directory of a finetune run).")
    private Path model;

    @CommandLine.Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled data, TSV or JSONL, in the model's format.")
    private Path data;

    @CommandLine.Option(names = "--outside-label", paramLabel = "LABEL", defaultValue = "O", description = "Token labels: the label left out of the micro scores (default: ${DEFAULT-VALUE}).")
    private String outsideLabel;

    @CommandLine.Mixin
    private EngineOptions engine;

    @CommandLine.Mixin
    private ThreadsOption threads;

    @CommandLine.Option(names = "--json", paramLabel = "FILE", description = "Also write the metrics as JSON.")
    private Path json;

    @Override
    public Integer call()
    {
        FineTunedModel fineTuned = FineTunedModel.load(model);
        ClassificationMetrics metrics = ModelEvaluation.evaluate(fineTuned, data, engine.kind(), threads.threads());
        PrintWriter out = spec.commandLine().getOut();
        out.print(metrics.table());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("model", model.toString());
        values.put("data", data.toString());
        values.put("items", metrics.total());
        values.put("accuracy", metrics.accuracy());
        values.put("macro_f1", metrics.macroF1());
        if (fineTuned.kind() == FinetuneKind.TOKEN) {
            double[] micro = metrics.microExcluding(outsideLabel);
            out.printf("micro (without %s): precision %.4f, recall %.4f, F1 %.4f%n", outsideLabel, micro[0], micro[1], micro[2]);
            values.put("precision", micro[0]);
            values.put("recall", micro[1]);
            values.put("f1", micro[2]);
        }
        values.put("per_class", metrics.perClass());
        values.put("confusion", metrics.confusion());
        if (json != null) {
            try {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), values);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot write " + json, e);
            }
            out.println("metrics in " + json);
        }
        out.flush();
        return 0;
    }
}
