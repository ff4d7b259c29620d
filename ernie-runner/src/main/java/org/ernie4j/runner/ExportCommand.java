package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.ernie4j.core.interop.OnnxExport;
import org.ernie4j.core.interop.WeightExport;
import org.ernie4j.core.pretrained.PretrainedModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie export --model RUN_OR_CHECKPOINT --out DIR}: the encoder (and, when asked, one task's masked-token head)
 * in the Hugging Face BERT/ERNIE layout, for PyTorch and the tools around it; with {@code --format onnx}, the encoder as an
 * ONNX graph with its tokenizer.json, for any ONNX runtime.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a pre-trained encoder as model.safetensors, config.json, vocab.txt and tokenizer.json with Hugging Face BERT/ERNIE names,"
                + " or (--format onnx) as model.onnx, tokenizer.json and vocab.txt.")
final class ExportCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--model", required = true, paramLabel = "DIR",
            description = "A pre-training run (its newest good checkpoint), a checkpoint directory or an imported model.")
    private Path model;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files (created; existing files are refused).")
    private Path out;

    @CommandLine.Option(names = "--masked-lm-head", paramLabel = "TASK",
            description = "Also write TASK's masked-token head as BERT's cls.predictions.")
    private String maskedLmHead;

    @CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "safetensors",
            description = "safetensors (Hugging Face's layout, the default) or onnx (the encoder's graph: inputs input_ids, attention_mask,"
                    + " token_type_ids, task_type_ids; outputs last_hidden_state, pooler_output).")
    private String format;

    @Override
    public Integer call()
    {
        if (!format.equals("safetensors") && !format.equals("onnx")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is safetensors or onnx, not " + format);
        }
        if (format.equals("onnx") && maskedLmHead != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--masked-lm-head is written with --format safetensors only");
        }
        PretrainedModel pretrained = PretrainedModel.load(model);
        if (format.equals("onnx")) {
            new OnnxExport().write(pretrained, out);
        }
        else {
            new WeightExport(Optional.ofNullable(maskedLmHead)).write(pretrained, out);
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("exported " + pretrained.source() + " (hidden " + pretrained.encoder().hidden() + ", " + pretrained.encoder().layers()
                + " layers, " + pretrained.vocabulary().size() + " pieces) to " + out);
        printer.flush();
        return 0;
    }
}
