package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.text.prepare.Manifest;
import org.ernie4j.core.text.prepare.PreparedCorpus;

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
            return existing("--corpus", corpus);
        }
        if (config.corpus().path() != null && !config.corpus().path().isBlank()) {
            return existing("corpus.path", Path.of(config.corpus().path()));
        }
        Path demo = runDirectory.resolve("demo-corpus");
        Optional<Manifest> manifest = PreparedCorpus.manifest(prepared(runDirectory));
        if (manifest.isPresent() && !madeFromTheSample(manifest.get(), demo)) {
            // Most likely a run continued without repeating its --corpus: copying the demo sample would only lead to a
            // refusal (the prepared corpus was made from other input) after the copy.
            String preparedFrom = manifest.get().settings().input();
            throw new ConfigException("corpus.path", "no corpus given, and the prepared corpus in " + prepared(runDirectory) + " was made from "
                    + preparedFrom + "; give --corpus " + preparedFrom + " (or set corpus.path) to use it");
        }
        return DemoCorpus.extract(demo);
    }

    /** A mistyped corpus path is a usage mistake, to report before a checkpoint is compared or a corpus read. */
    private static Path existing(String key, Path path)
    {
        if (!Files.exists(path)) {
            throw new ConfigException(key, path + " does not exist");
        }
        return path;
    }

    private static boolean madeFromTheSample(Manifest manifest, Path demo)
    {
        Path preparedFrom = Path.of(manifest.settings().input());
        return preparedFrom.equals(demo.toAbsolutePath().normalize()) || manifest.corpusFingerprint().equals(DemoCorpus.fingerprint());
    }

    /** Whether the corpus is prepared into the run directory (no {@code --prepared} elsewhere). */
    boolean preparesIntoRunDirectory()
    {
        return prepared == null;
    }

    Path prepared(Path runDirectory)
    {
        return prepared != null ? prepared : runDirectory.resolve("prepared");
    }
}
