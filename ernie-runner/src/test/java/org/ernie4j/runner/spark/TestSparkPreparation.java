package org.ernie4j.runner.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ernie4j.core.text.annotate.OpenNlpModels;
import org.ernie4j.core.text.prepare.CorpusPreparer;
import org.ernie4j.core.text.prepare.Manifest;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PrepareOptions;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.text.prepare.ShardInfo;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code prepare --spark} on {@code local[2]} against a local preparation of the same six State of the Union addresses:
 * the same vocabulary, manifest and shard files, byte for byte, with partitions that end inside shards. A partition that
 * fails, and a corpus over the bound on distinct words, end with a message that says so and leave nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSparkPreparation
{
    private static final String SAMPLE = "/org/ernie4j/runner/demo-corpus/";
    private static final List<String> ADDRESSES = List.of("1790_george_washington_n.txt", "1799_john_adams_f.txt", "1808_thomas_jefferson_dr.txt",
            "1916_woodrow_wilson_d.txt", "1935_franklin_d_roosevelt_d.txt", "1987_ronald_reagan_r.txt");
    // Three partitions of the six documents hold two each; the first shard of four takes the second partition's
    // documents after the first's, the second shard the third partition's.
    private static final int PARTITIONS = 3;
    private static final int DOCUMENTS_PER_SHARD = 4;

    @TempDir
    static Path temporary;

    private JavaSparkContext spark;
    private CorpusPreparer preparer;
    private Path corpus;

    @BeforeAll
    void startSpark()
            throws IOException
    {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("TestSparkPreparation")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
        preparer = new CorpusPreparer(OpenNlpModels.loadEnglish());
        corpus = Files.createDirectories(temporary.resolve("addresses"));
        for (String name : ADDRESSES) {
            try (InputStream in = TestSparkPreparation.class.getResourceAsStream(SAMPLE + name)) {
                Files.copy(in, corpus.resolve(name));
            }
        }
    }

    @AfterAll
    void stopSpark()
    {
        spark.stop();
    }

    @Test
    void preparesTheSameVocabularyManifestAndShardsAsALocalPreparation()
            throws IOException
    {
        PrepareOptions options = PrepareOptions.builder().documentsPerShard(DOCUMENTS_PER_SHARD).vocabularySize(2000).threads(2).build();
        Path parent = Files.createDirectories(temporary.resolve("equal"));
        Path local = parent.resolve("local");
        Manifest expected = preparer.prepare(corpus, local, options);
        Path distributed = parent.resolve("spark");
        List<Long> annotated = new CopyOnWriteArrayList<>();
        Manifest manifest = SparkPreparation.using(spark, PARTITIONS).prepare(preparer.plan(corpus, distributed, options, PrepareListener.NONE),
                new PrepareListener()
                {
                    @Override
                    public void documentsAnnotated(long done, long total)
                    {
                        assertThat(total).isEqualTo(ADDRESSES.size());
                        annotated.add(done);
                    }
                });

        assertThat(expected.shards()).extracting(ShardInfo::documents).containsExactly(4, 2);
        assertThat(manifest).isEqualTo(expected);
        assertThat(names(distributed)).isEqualTo(names(local)).containsExactly("manifest.json", "shard-00000.bin", "shard-00001.bin", "vocab.txt");
        for (String name : names(local)) {
            assertThat(Files.readAllBytes(distributed.resolve(name))).as(name).isEqualTo(Files.readAllBytes(local.resolve(name)));
        }
        DocumentSource opened = PreparedCorpus.open(distributed).documents();
        DocumentSource original = PreparedCorpus.open(local).documents();
        assertThat(opened.size()).isEqualTo(ADDRESSES.size()).isEqualTo(original.size());
        for (int i = 0; i < original.size(); i++) {
            assertThat(render(opened.get(i))).isEqualTo(render(original.get(i)));
        }
        assertThat(names(parent)).containsExactly("local", "spark");
        // Progress as partitions of two documents finish (two run at once on local[2], the third after them).
        assertThat(annotated).isSorted().endsWith(6L).allMatch(done -> done % 2 == 0).anyMatch(done -> done < 6);
    }

    @Test
    void aPartitionThatFailsEndsThePreparationWithNothingWritten()
            throws IOException
    {
        Path parent = Files.createDirectories(temporary.resolve("failing"));
        Path target = parent.resolve("prepared");
        PrepareOptions options = PrepareOptions.builder().documentsPerShard(DOCUMENTS_PER_SHARD).vocabularySize(2000).build();
        // local[2] gives a task one attempt: the failpoint's first attempt of partition 1 fails the annotation job.
        spark.setLocalProperty(Failpoint.KEY, SparkPreparation.ANNOTATION_JOB + ":1");
        try {
            assertThatThrownBy(() -> SparkPreparation.using(spark, PARTITIONS).prepare(preparer.plan(corpus, target, options, PrepareListener.NONE),
                    PrepareListener.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Preparing on Spark (local[2]) failed, and nothing was written to " + target
                            + " (the directory being built was deleted); prepare again.")
                    .hasMessageContaining("failpoint");
        }
        finally {
            spark.setLocalProperty(Failpoint.KEY, null);
        }
        assertThat(names(parent)).isEmpty();
    }

    @Test
    void moreDistinctWordsThanTheBoundAreRefusedBecauseLocalPruningCannotBeReproduced()
            throws IOException
    {
        Path parent = Files.createDirectories(temporary.resolve("bounded"));
        PrepareOptions options = PrepareOptions.builder().maxDistinctWords(1000).build();
        assertThatThrownBy(() -> SparkPreparation.using(spark, PARTITIONS).prepare(preparer.plan(corpus, parent.resolve("prepared"), options,
                PrepareListener.NONE), PrepareListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The corpus has more distinct words than vocabulary.max-distinct-words (1000): a local preparation would prune");
        assertThat(names(parent)).isEmpty();
    }

    /** Everything a document holds, decoded, as text. */
    private static String render(Document document)
    {
        StringBuilder text = new StringBuilder(document.id()).append(' ').append(document.title().orElse("")).append('\n');
        for (Sentence sentence : document.sentences()) {
            text.append(sentence.start()).append(' ').append(sentence.text()).append('\n');
            for (Token token : sentence.tokens()) {
                text.append(token.start()).append(' ').append(token.surface()).append(' ').append(token.pos()).append(' ')
                        .append(Arrays.toString(token.pieceIds())).append('\n');
            }
            text.append(sentence.chunks()).append('\n').append(sentence.entities()).append('\n');
        }
        return text.toString();
    }

    private static List<String> names(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
