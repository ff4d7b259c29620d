package org.ernie4j.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;

/**
 * {@code ernie prepare} in a JVM that cannot write a file past a size limit, as on a disk that fills up: it stops at
 * the first shard too large, says why, how much room there is and what it keeps, leaves no corpus and no half-written
 * shard, and a later prepare continues after the complete shards and writes what an uninterrupted one writes.
 */
class TestPrepareOnAFullDisk
{
    // Shards of 20 documents: two of one-sentence documents, then one of documents of 8 sentences, which the limit stops.
    private static final int SHORT_DOCUMENTS = 40;
    private static final int LONG_DOCUMENTS = 20;
    private static final int SENTENCES_PER_LONG_DOCUMENT = 8;
    private static final int DOCUMENTS_PER_SHARD = 20;

    @TempDir
    Path temporary;

    @Test
    void theFirstShardPastTheLimitStopsThePreparationWhichALaterPrepareContinues()
            throws Exception
    {
        Path corpus = shortThenLongDocuments();
        Path config = TestingErnie.tinyRunInSmallShards(temporary, DOCUMENTS_PER_SHARD);
        Path reference = temporary.resolve("reference");
        TestingErnie.Result uninterrupted = ernie("prepare", "--config", config.toString(), "--corpus", corpus.toString(), "--prepared",
                reference.toString(), "--run-dir", temporary.resolve("reference-run").toString());
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();
        List<Long> sizes = shardSizes(reference);
        assertThat(sizes).hasSize(3);
        assertThat(sizes.get(2)).as("the long documents' shard").isGreaterThan(2 * Math.max(sizes.get(0), sizes.get(1)));
        long limitKib = (Math.max(sizes.get(0), sizes.get(1)) + sizes.get(2)) / 2 / 1024;

        Path prepared = temporary.resolve("prepared");
        Path partial = temporary.resolve(".prepared.partial");
        Path log = temporary.resolve("prepare.log");
        Process preparing = TestingErnie.startWithFileSizeLimit(log, limitKib, "prepare", "--config", config.toString(), "--corpus",
                corpus.toString(), "--prepared", prepared.toString(), "--run-dir", temporary.resolve("run").toString());
        assertThat(preparing.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(preparing.exitValue()).as(output).isEqualTo(ErrorHandler.FAILURE);
        assertThat(output).contains("Could not write the prepared corpus in " + partial + ". Cannot write shard " + partial.resolve("shard-00002.bin")
                        + ": File too large. The disk holding " + partial + " has ")
                .contains("free; the 2 complete shards take ")
                .contains("Its 2 complete shards (40 of 60 documents) and its vocabulary are kept there: make room and run the same prepare again,"
                        + " which continues after them.");
        assertThat(prepared).as("no prepared corpus").doesNotExist();
        assertThat(TestingErnie.fileNames(partial)).as("no manifest, no half-written shard").containsExactly("progress.json", "shard-00000.bin", "shard-00001.bin",
                "vocab.txt");
        FileTime firstShardWritten = Files.getLastModifiedTime(partial.resolve("shard-00000.bin"));

        TestingErnie.Result continued = ernie("prepare", "--config", config.toString(), "--corpus", corpus.toString(), "--prepared",
                prepared.toString(), "--run-dir", temporary.resolve("run").toString());
        assertThat(continued.code()).as(continued.err()).isZero();
        assertThat(Files.getLastModifiedTime(prepared.resolve("shard-00000.bin"))).as("the kept shard was not written again").isEqualTo(firstShardWritten);
        TestingErnie.assertSameFiles(prepared, reference);
        assertThat(partial).doesNotExist();
    }

    /** 40 one-sentence documents, then 20 of 8 sentences each, named so that they are read in that order. */
    private Path shortThenLongDocuments()
            throws Exception
    {
        Path folder = Files.createDirectories(temporary.resolve("documents"));
        List<String> sentences = TestingErnie.numberedSentences(SHORT_DOCUMENTS + LONG_DOCUMENTS * SENTENCES_PER_LONG_DOCUMENT);
        for (int file = 0; file < SHORT_DOCUMENTS; file++) {
            Files.writeString(folder.resolve(String.format("doc-%04d.txt", file)), sentences.get(file) + "\n");
        }
        for (int file = 0; file < LONG_DOCUMENTS; file++) {
            int first = SHORT_DOCUMENTS + file * SENTENCES_PER_LONG_DOCUMENT;
            Files.writeString(folder.resolve(String.format("doc-%04d.txt", SHORT_DOCUMENTS + file)),
                    String.join(" ", sentences.subList(first, first + SENTENCES_PER_LONG_DOCUMENT)) + "\n");
        }
        return folder;
    }

    private static List<Long> shardSizes(Path prepared)
            throws IOException
    {
        JsonNode manifest = new ObjectMapper().readTree(prepared.resolve("manifest.json").toFile());
        return Stream.iterate(0, index -> index < manifest.get("shards").size(), index -> index + 1)
                .map(index -> manifest.get("shards").get(index).get("bytes").asLong())
                .toList();
    }
}
