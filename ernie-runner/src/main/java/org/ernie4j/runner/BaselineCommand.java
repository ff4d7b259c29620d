package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ernie4j.core.baseline.BaselineResult;
import org.ernie4j.core.baseline.LexicalBaseline;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.FinetuneConfig;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie baseline --config FILE}: the lexical baseline (a linear classifier on surface words, no encoder) on a
 * fine-tuning configuration's data and protocol, for reading a fine-tuned encoder's figures against what words alone
 * decide.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Train the lexical baseline (a linear classifier on words, no encoder) on a fine-tuning configuration's data,",
                "with its seed, epochs, patience and dev metric, and write metrics.json like a fine-tuning."})
final class BaselineCommand
        implements Callable<Integer>
{
    private final ConfigLoader loader;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "A fine-tuning configuration (YAML); its model is used only for its vocabulary, with --as-the-model-reads.")
    private Path config;

    @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where metrics.json goes (default: the configuration's output, which a fine-tuning would use).")
    private Path output;

    @CommandLine.Option(names = "--as-the-model-reads",
            description = {"Read only the words the configuration's model reads: as many as its vocabulary's pieces fit in training.max-length",
                    "(a pair's longer text cut first), the fair comparison with a fine-tuning of that model. Default: every word."})
    private boolean asTheModelReads;

    @Inject
    BaselineCommand(ConfigLoader loader)
    {
        this.loader = loader;
    }

    @Override
    public Integer call()
    {
        FinetuneConfig loaded = loader.loadFinetune(config);
        FinetuneConfig configuration = output == null ? loaded
                : new FinetuneConfig(loaded.model(), loaded.initialize(), loaded.data(), loaded.training(), output.toString());
        PrintWriter out = spec.commandLine().getOut();
        LexicalBaseline.Reading reading = asTheModelReads ? LexicalBaseline.Reading.AS_THE_MODEL_READS : LexicalBaseline.Reading.WHOLE_TEXT;
        BaselineResult result = new LexicalBaseline(configuration, reading).run(ProgressLines.to(spec.commandLine().getErr()));
        out.printf("best epoch %d of %d%n", result.bestEpoch(), result.devHistory().size());
        if (result.test() != null) {
            out.println("test:");
            out.print(result.test().table());
        }
        out.println("metrics in " + Path.of(configuration.output()).resolve("metrics.json"));
        out.flush();
        return 0;
    }
}
