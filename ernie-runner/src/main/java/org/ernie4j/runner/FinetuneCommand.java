package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.finetune.FineTuner;
import org.ernie4j.core.finetune.FinetuneResult;

import com.google.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ernie finetune --config FILE}: a new classification head on a pre-trained encoder, trained on labelled data
 * with early stopping on the dev metric; the best model and its test metrics are written to the output directory.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune a pre-trained encoder on labelled data (sequence or token classification) and evaluate the best model.")
final class FinetuneCommand
        implements Callable<Integer>
{
    private final ConfigLoader loader;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The fine-tuning configuration (YAML).")
    private Path config;

    @Inject
    FinetuneCommand(ConfigLoader loader)
    {
        this.loader = loader;
    }

    @Override
    public Integer call()
    {
        FinetuneConfig configuration = loader.loadFinetune(config);
        PrintWriter out = spec.commandLine().getOut();
        FinetuneResult result = new FineTuner(configuration).run(ProgressLines.to(spec.commandLine().getErr()));
        out.printf("best model (epoch %d) in %s%n", result.bestEpoch(), result.model());
        if (result.test() != null) {
            out.println("test:");
            out.print(result.test().table());
        }
        out.println("metrics in " + Path.of(configuration.output()).resolve("metrics.json"));
        out.flush();
        return 0;
    }
}
