package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.waitFor;

/**
 * {@code ernie prepare} in a JVM of its own while one of its input files is deleted after the first shard is complete:
 * it ends with an error that says what happened, and leaves nothing a later run could take for a prepared corpus.
 */
class TestInputVanishesWhilePreparing
{
    // 400 one-sentence files in shards of 50: the first shard completes within a second, the rest takes seconds more.
    private static final int FILES = 400;
    private static final int DOCUMENTS_PER_SHARD = 50;

    @TempDir
    Path temporary;

    @Test
    void aFileDeletedMidwayEndsThePreparationWithAMessageAndNoCorpus()
            throws Exception
    {
        Path corpus = manySmallFiles();
        Path prepared = temporary.resolve("prepared");
        Path progress = temporary.resolve(".prepared.partial/progress.json");
        Path log = temporary.resolve("prepare.log");
        Path last = corpus.resolve(String.format("doc-%04d.txt", FILES - 1));

        Process preparing = TestingErnie.start(log, "prepare", "--config", TestingErnie.tinyRunInSmallShards(temporary, DOCUMENTS_PER_SHARD).toString(), "--corpus", corpus.toString(),
                "--prepared", prepared.toString(), "--run-dir", temporary.resolve("run").toString());
        waitFor("the preparing JVM", () -> Files.exists(progress) && Files.readString(progress).contains("shard-00000.bin"), preparing);
        Files.delete(last);

        assertThat(preparing.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(preparing.exitValue()).as(output).isNotZero();
        // Either the reader met the missing file (named), or it had read it already and the input's fingerprint, taken
        // again at the end, no longer matched.
        assertThat(output).containsPattern("The corpus file \\S*doc-0399\\.txt disappeared while the corpus was being read"
                + "|The corpus \\S+ changed while it was being prepared");
        assertThat(prepared).as("no prepared corpus").doesNotExist();
        assertThat(temporary.resolve(".prepared.partial/manifest.json")).as("no manifest in the unfinished preparation").doesNotExist();
    }

    /** A folder of one-sentence text files. */
    private Path manySmallFiles()
            throws Exception
    {
        Path folder = Files.createDirectories(temporary.resolve("documents"));
        List<String> sentences = TestingErnie.numberedSentences(FILES);
        for (int file = 0; file < FILES; file++) {
            Files.writeString(folder.resolve(String.format("doc-%04d.txt", file)), sentences.get(file) + "\n");
        }
        return folder;
    }
}
