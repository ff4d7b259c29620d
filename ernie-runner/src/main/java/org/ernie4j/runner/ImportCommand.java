package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.VocabularySection;
import org.ernie4j.core.interop.ImportOptions;
import org.ernie4j.core.interop.ImportedCheckpoint;
import org.ernie4j.core.interop.ImportedModel;
import org.ernie4j.core.interop.OnnxImport;
import org.ernie4j.core.interop.WeightImport;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie import --from DIR --out DIR}: a Hugging Face BERT/ERNIE directory ({@code model.safetensors},
 * {@code config.json}, {@code vocab.txt}), or an ONNX BERT-family encoder with its {@code tokenizer.json}, becomes an
 * ernie4j checkpoint directory that {@code finetune},
 * {@code training.initialize-from} and {@code export} take. It prints what the import did and the configuration a
 * pre-training run needs to start from it.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a BERT/ERNIE model (model.safetensors, config.json, vocab.txt with Hugging Face names; or model.onnx and"
                + " tokenizer.json) as an ernie4j checkpoint.")
final class ImportCommand
        implements Callable<Integer>
{
    private final ConfigLoader loader;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--from", required = true, paramLabel = "DIR", description = "The directory with model.safetensors, config.json and vocab.txt (and tokenizer.json or tokenizer_config.json),"
            + " or with model.onnx (or one .onnx file) and tokenizer.json.")
    private Path from;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR", description = "The checkpoint directory to create (must not exist).")
    private Path out;

    @CommandLine.Option(names = "--task-types", paramLabel = "N",
            description = "Rows of the task embedding (default: 16, or the file's rows if more); rows the file lacks start at zero.")
    private Integer taskTypes;

    @CommandLine.Option(names = "--masked-lm-head", paramLabel = "TASK",
            description = "Import BERT's cls.predictions as the masked-token head of TASK (such as knowledge-masking).")
    private String maskedLmHead;

    @CommandLine.Option(names = "--ignore", paramLabel = "PREFIX",
            description = "Leave out the tensors whose names start with PREFIX (repeatable), such as cls.seq_relationship.; each is reported.")
    private List<String> ignored = new ArrayList<>();

    @Inject
    ImportCommand(ConfigLoader loader)
    {
        this.loader = loader;
    }

    @Override
    public Integer call()
    {
        if (taskTypes != null && taskTypes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--task-types must be at least 1, not " + taskTypes);
        }
        ImportOptions options = new ImportOptions(taskTypes == null ? OptionalInt.empty() : OptionalInt.of(taskTypes),
                Optional.ofNullable(maskedLmHead), ignored);
        ImportedModel model = OnnxImport.holdsOnnx(from) ? new OnnxImport(options).read(from) : new WeightImport(options).read(from);
        Path written = new ImportedCheckpoint(loader).write(model, out);
        PrintWriter printer = spec.commandLine().getOut();
        model.report().lines().forEach(printer::println);
        printer.println("wrote " + written);
        printer.println();
        printer.println("Fine-tune it with `model: " + written + "` in the fine-tuning configuration. Continue pre-training from it with:");
        printer.println();
        configuration(model.encoder(), model.vocabulary().settings(), written).forEach(printer::println);
        printer.flush();
        return 0;
    }

    /**
     * The configuration keys a pre-training run needs to start from the imported model: its shape, and how its tokenizer
     * splits text where that is not uncased BERT's (the corpus must be split the same way).
     */
    static List<String> configuration(EncoderConfig encoder, TokenizerSettings tokenizer, Path checkpoint)
    {
        List<String> lines = new ArrayList<>(List.of(
                "model:",
                "  hidden: " + encoder.hidden(),
                "  layers: " + encoder.layers(),
                "  heads: " + encoder.heads(),
                "  intermediate: " + encoder.intermediate(),
                "  max-positions: " + encoder.maxPositions(),
                "  segment-types: " + encoder.segmentTypes(),
                "  task-types: " + encoder.taskTypes(),
                "  layer-norm-epsilon: " + encoder.layerNormEpsilon(),
                "  activation: " + (encoder.activation() == Activation.GELU_ERF ? "gelu-erf" : "gelu-tanh"),
                "training:",
                "  initialize-from: " + checkpoint));
        if (!tokenizer.splitsAs(TokenizerSettings.UNCASED)) {
            lines.add("vocabulary:");
            VocabularySection.tokenizerKeys(tokenizer).forEach(key -> lines.add("  " + key));
        }
        return lines;
    }
}
