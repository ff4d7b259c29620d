package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;

import org.ernie4j.core.baseline.BaselineResult;
import org.ernie4j.core.baseline.FrozenEncoderProbe;
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
        description = {"Train the lexical baseline (a linear classifier on words, no encoder) or a linear probe on a frozen encoder on a fine-tuning",
                "configuration's data, with its seed, epochs, patience and dev metric, and write metrics.json like a fine-tuning."})
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
                    "(a pair's longer text cut first), the fair comparison with a fine-tuning of that model. Default: every word.",
                    "The frozen-encoder probe always reads so."})
    private boolean asTheModelReads;

    @CommandLine.Option(names = "--features", paramLabel = "KIND", defaultValue = "words",
            description = {"words (default): the lexical baseline, no encoder; frozen-encoder: a linear probe on the configuration's model as it is",
                    "(mean of its piece vectors, before any fine-tuning; random weights drawn from training.seed with initialize: random),",
                    "reading what the model reads. Sequence data only."})
    private String features;

    @CommandLine.Option(names = "--seeds", split = ",", paramLabel = "SEED",
            description = {"Run once per seed (training.seed replaced), each into OUTPUT/seed-N; needs --output. A pre-trained encoder's texts",
                    "are then encoded once for all seeds."})
    private List<Long> seeds;

    @Inject
    BaselineCommand(ConfigLoader loader)
    {
        this.loader = loader;
    }

    @Override
    public Integer call()
    {
        if (!List.of("words", "frozen-encoder").contains(features)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features: '" + features + "' is not one of words, frozen-encoder");
        }
        if (seeds != null && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds writes OUTPUT/seed-N: give --output");
        }
        FinetuneConfig loaded = loader.loadFinetune(config);
        List<Long> runs = seeds == null ? List.of(loaded.training().seed()) : List.copyOf(seeds);
        LongFunction<Path> outputs = seed -> seeds != null ? output.resolve("seed-" + seed) : output != null ? output : Path.of(loaded.output());
        List<BaselineResult> results = features.equals("frozen-encoder")
                ? new FrozenEncoderProbe(loaded).run(runs, outputs, ProgressLines.to(spec.commandLine().getErr()))
                : runs.stream().map(seed -> lexical(withSeed(loaded, seed, outputs.apply(seed)))).toList();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < runs.size(); i++) {
            BaselineResult result = results.get(i);
            out.printf("seed %d: best epoch %d of %d%n", runs.get(i), result.bestEpoch(), result.devHistory().size());
            if (result.test() != null) {
                out.println("test:");
                out.print(result.test().table());
            }
            out.println("metrics in " + outputs.apply(runs.get(i)).resolve("metrics.json"));
        }
        out.flush();
        return 0;
    }

    private BaselineResult lexical(FinetuneConfig configuration)
    {
        LexicalBaseline.Reading reading = asTheModelReads ? LexicalBaseline.Reading.AS_THE_MODEL_READS : LexicalBaseline.Reading.WHOLE_TEXT;
        return new LexicalBaseline(configuration, reading).run(ProgressLines.to(spec.commandLine().getErr()));
    }

    private static FinetuneConfig withSeed(FinetuneConfig loaded, long seed, Path output)
    {
        return new FinetuneConfig(loaded.model(), loaded.initialize(), loaded.data(), loaded.training().withSeed(seed), output.toString());
    }
}
