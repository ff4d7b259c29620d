package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.waitFor;

/**
 * {@code ernie prepare} in a JVM of its own, killed with SIGKILL after its first shard is complete, then run again:
 * it continues from the shards it completed and writes exactly what an uninterrupted preparation writes.
 */
class TestResumablePrepare
{
    // Shards of 100 documents (corpus.documents-per-shard): with 800 one-sentence documents, eight shards fill and the
    // killed JVM has seconds of work left after its first (annotation runs at about 130 documents a second on one thread).
    private static final int DOCUMENTS = 800;
    private static final int DOCUMENTS_PER_SHARD = 100;

    @TempDir
    Path temporary;

    @Test
    void aPrepareKilledAfterItsFirstShardContinuesFromItAndWritesTheSameFiles()
            throws Exception
    {
        Path corpus = manyShortDocuments();
        Path straight = temporary.resolve("straight");
        TestingErnie.Result uninterrupted = prepare(corpus, straight);
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();
        assertThat(TestingErnie.fileNames(straight)).contains("shard-00000.bin", "shard-00007.bin").doesNotContain("shard-00008.bin");

        Path killed = temporary.resolve("killed");
        Path progress = temporary.resolve(".killed.partial/progress.json");
        Process first = start(corpus, killed, "first.log");
        waitFor("the preparing JVM", () -> Files.exists(progress) && Files.readString(progress).contains("shard-00000.bin"), first);
        first.destroyForcibly().waitFor();
        assertThat(killed).as("no prepared corpus until it is complete").doesNotExist();
        assertThat(temporary.resolve(".killed.partial/manifest.json")).doesNotExist();

        Process second = start(corpus, killed, "second.log");
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(temporary.resolve("second.log"));
        assertThat(second.exitValue()).as(log).isZero();
        assertThat(log).containsPattern("Resuming the preparation in \\S+\\.killed\\.partial from shard [1-7] \\([1-7]00 documents\\)");
        assertThat(temporary.resolve(".killed.partial")).doesNotExist();
        TestingErnie.assertSameFiles(killed, straight);
    }

    private TestingErnie.Result prepare(Path corpus, Path prepared)
            throws Exception
    {
        return ernie(arguments(corpus, prepared));
    }

    private Process start(Path corpus, Path prepared, String log)
            throws Exception
    {
        return TestingErnie.start(temporary.resolve(log), arguments(corpus, prepared));
    }

    private String[] arguments(Path corpus, Path prepared)
            throws Exception
    {
        return new String[] {"prepare", "--config", configuration().toString(), "--corpus", corpus.toString(), "--prepared", prepared.toString(),
                "--run-dir", temporary.resolve("run").toString()};
    }

    /** The command-line tests' tiny run, in shards of {@value #DOCUMENTS_PER_SHARD} documents. */
    private Path configuration()
            throws Exception
    {
        Path configuration = temporary.resolve("small-shards.yaml");
        return Files.exists(configuration) ? configuration : TestingErnie.tinyRunInSmallShards(temporary, DOCUMENTS_PER_SHARD);
    }

    /** A BERT-layout file of one-sentence documents. */
    private Path manyShortDocuments()
            throws Exception
    {
        List<String> lines = new ArrayList<>();
        for (String sentence : TestingErnie.numberedSentences(DOCUMENTS)) {
            lines.add(sentence);
            lines.add("");
        }
        return Files.write(temporary.resolve("documents.txt"), lines);
    }
}
