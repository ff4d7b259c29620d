package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.RunLock;
import org.ernie4j.core.text.prepare.CorpusPreparer;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PrepareOptions;
import org.ernie4j.core.text.prepare.PreparedCorpus;

import com.google.inject.Inject;
import com.google.inject.Provider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie prepare}: sentence splitting, tokenization, tagging, chunking, entity spans and WordPiece, once, into
 * shards on disk that every training run reads.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Annotate a corpus once (OpenNLP sentences, tokens, POS, chunks, entities; WordPiece) into shards for training.")
final class PrepareCommand
        implements Callable<Integer>
{
    private final ConfigLoader loader;
    private final CorpusPreparation preparation;
    private final Provider<CorpusPreparer> preparer;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOption config;

    @CommandLine.Mixin
    private RunDirectoryOption runDirectory;

    @CommandLine.Mixin
    private CorpusOptions corpus;

    @CommandLine.Option(names = "--overwrite", description = "Replace an existing prepared corpus.")
    private boolean overwrite;

    @CommandLine.Option(names = "--spark", paramLabel = "MASTER",
            description = "Prepare on Apache Spark: a master URL (local[2], spark://host:7077, yarn, ...), or 'submit' under spark-submit."
                    + " Workers count the words and annotate and write the documents; the result is the same as a local preparation's."
                    + " The input and the prepared directory must be on a path the driver and every worker read (docs/SPARK.md).")
    private String spark;

    @CommandLine.Option(names = "--spark-partitions", paramLabel = "N",
            description = "Partitions the documents are spread over in Spark mode (default: twice Spark's default parallelism).")
    private Integer sparkPartitions;

    @Inject
    PrepareCommand(ConfigLoader loader, CorpusPreparation preparation, Provider<CorpusPreparer> preparer)
    {
        this.loader = loader;
        this.preparation = preparation;
        this.preparer = preparer;
    }

    @Override
    public Integer call()
    {
        if (sparkPartitions != null && (spark == null || sparkPartitions < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spark-partitions needs --spark and a positive number");
        }
        ErnieConfig configuration = config.load(loader);
        Path directory = runDirectory.resolve(config);
        PreparedCorpus result;
        // A training in the run directory must not see its prepared corpus replaced, and two preparations must not race.
        try (RunLock lock = corpus.preparesIntoRunDirectory() ? RunLock.acquire(directory) : null) {
            Path input = corpus.input(configuration, directory);
            PrepareOptions options = CorpusPreparation.options(configuration, overwrite);
            PrepareListener progress = new PrepareProgress(spec.commandLine().getErr(), System.console() != null);
            result = spark == null
                    ? preparation.prepare(input, corpus.prepared(directory), options, progress)
                    : SparkPrepare.prepare(spark, sparkPartitions, preparer.get(), input, corpus.prepared(directory), options, progress,
                            spec.commandLine().getErr());
        }
        Path prepared = corpus.prepared(directory);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("prepared %s: %s%n", prepared, result);
        out.println(result.manifest().corpusReport().summary());
        out.flush();
        return 0;
    }
}
