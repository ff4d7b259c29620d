package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.RunLock;
import org.ernie4j.core.text.prepare.PreparedCorpus;

import com.google.inject.Inject;
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

    @Inject
    PrepareCommand(ConfigLoader loader, CorpusPreparation preparation)
    {
        this.loader = loader;
        this.preparation = preparation;
    }

    @Override
    public Integer call()
    {
        ErnieConfig configuration = config.load(loader);
        Path directory = runDirectory.resolve(config);
        PreparedCorpus result;
        // A training in the run directory must not see its prepared corpus replaced, and two preparations must not race.
        try (RunLock lock = corpus.preparesIntoRunDirectory() ? RunLock.acquire(directory) : null) {
            Path input = corpus.input(configuration, directory);
            result = preparation.prepare(input, corpus.prepared(directory), CorpusPreparation.options(configuration, overwrite),
                    new PrepareProgress(spec.commandLine().getErr(), System.console() != null));
        }
        Path prepared = corpus.prepared(directory);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("prepared %s: %s%n", prepared, result);
        out.println(result.manifest().corpusReport().summary());
        out.flush();
        return 0;
    }
}
