package org.ernie4j.runner;

import java.nio.file.Path;

import org.ernie4j.core.config.ErnieConfig;

import picocli.CommandLine;

/**
 * Where the raw corpus and the prepared corpus are, shared by {@code prepare} and {@code pretrain}.
 */
final class CorpusOptions
{
    @CommandLine.Option(names = "--corpus", paramLabel = "PATH",
            description = "The raw corpus (overrides corpus.path). Default: the configuration's, else the embedded demo sample.")
    private Path corpus;

    @CommandLine.Option(names = "--prepared", paramLabel = "DIR",
            description = "The prepared corpus directory. Default: RUN_DIR/prepared.")
    private Path prepared;

    /** The raw corpus to read: the option, the configuration's path, or the embedded sample copied into the run directory. */
    Path input(ErnieConfig config, Path runDirectory)
    {
        if (corpus != null) {
            return corpus;
        }
        if (config.corpus().path() != null && !config.corpus().path().isBlank()) {
            return Path.of(config.corpus().path());
        }
        return DemoCorpus.extract(runDirectory.resolve("demo-corpus"));
    }

    Path prepared(Path runDirectory)
    {
        return prepared != null ? prepared : runDirectory.resolve("prepared");
    }
}
