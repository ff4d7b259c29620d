package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.ernie4j.core.interop.WeightExport;
import org.ernie4j.core.pretrained.PretrainedModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie export --model RUN_OR_CHECKPOINT --out DIR}: the encoder (and, when asked, one task's masked-token head)
 * in the Hugging Face BERT/ERNIE layout, for PyTorch and the tools around it.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a pre-trained encoder as model.safetensors, config.json and vocab.txt with Hugging Face BERT/ERNIE names.")
final class ExportCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--model", required = true, paramLabel = "DIR",
            description = "A pre-training run (its newest good checkpoint), a checkpoint directory or an imported model.")
    private Path model;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the three files (created; existing files are refused).")
    private Path out;

    @CommandLine.Option(names = "--masked-lm-head", paramLabel = "TASK",
            description = "Also write TASK's masked-token head as BERT's cls.predictions.")
    private String maskedLmHead;

    @Override
    public Integer call()
    {
        PretrainedModel pretrained = PretrainedModel.load(model);
        new WeightExport(Optional.ofNullable(maskedLmHead)).write(pretrained, out);
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("exported " + pretrained.source() + " (hidden " + pretrained.encoder().hidden() + ", " + pretrained.encoder().layers()
                + " layers, " + pretrained.vocabulary().size() + " pieces) to " + out);
        printer.flush();
        return 0;
    }
}
