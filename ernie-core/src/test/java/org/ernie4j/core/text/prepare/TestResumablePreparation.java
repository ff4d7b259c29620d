package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingModels.english;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.sotuFolder;

/**
 * A preparation interrupted after some shards continues from the last complete one when run again, and writes exactly
 * what an uninterrupted preparation writes; one of other input starts over.
 */
public class TestResumablePreparation
{
    // One document per shard: the three addresses make three shards, and an interruption can fall between any two.
    private static final PrepareOptions OPTIONS = PrepareOptions.builder().vocabularySize(1000).documentsPerShard(1).build();

    @TempDir
    static Path shared;

    private static Path uninterrupted;

    @TempDir
    Path temp;

    @BeforeAll
    public static void prepareWithoutInterruption()
    {
        uninterrupted = shared.resolve("uninterrupted");
        new CorpusPreparer(english()).prepare(sotuFolder(), uninterrupted, OPTIONS);
    }

    @Test
    public void continuesFromTheLastCompleteShardAndWritesTheSameBytes()
            throws IOException
    {
        Path output = temp.resolve("prepared");
        // Two threads, so that a third document may be in flight when the second completes its shard.
        interruptAfter(2, sotuFolder(), output, OPTIONS.toBuilder().threads(2).build());
        Path partial = temp.resolve(".prepared.partial");
        assertThat(output).doesNotExist();
        assertThat(partial.resolve("manifest.json")).as("never mistaken for a prepared corpus").doesNotExist();
        assertThat(partial.resolve("shard-00001.bin")).exists();

        Counting resumed = new Counting();
        new CorpusPreparer(english()).prepare(sotuFolder(), output, OPTIONS, resumed);

        assertThat(resumed.annotated).as("only the document after the two complete shards is annotated again").isEqualTo(1);
        assertThat(resumed.done).containsExactly(3L);
        assertSameFiles(output, uninterrupted);
        assertThat(partial).doesNotExist();
        assertThat(PreparedCorpus.open(output).manifest()).isEqualTo(PreparedCorpus.open(uninterrupted).manifest());
    }

    @Test
    public void aShardThatIsNotAsWrittenIsWrittenAgain()
            throws IOException
    {
        Path output = temp.resolve("prepared");
        interruptAfter(2, sotuFolder(), output, OPTIONS);
        Path shard = temp.resolve(".prepared.partial/shard-00001.bin");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);

        Counting resumed = new Counting();
        new CorpusPreparer(english()).prepare(sotuFolder(), output, OPTIONS, resumed);

        assertThat(resumed.annotated).isEqualTo(2);
        assertSameFiles(output, uninterrupted);
    }

    @Test
    public void otherInputStartsOverAndEqualsAFreshPreparation()
            throws IOException
    {
        Path input = copyOf(sotuFolder());
        Path output = temp.resolve("prepared");
        interruptAfter(1, input, output, OPTIONS);
        Files.writeString(input.resolve(NIXON_1973), "\nOur national defense has been maintained.\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        Counting again = new Counting();
        new CorpusPreparer(english()).prepare(input, output, OPTIONS, again);
        Path fresh = temp.resolve("fresh");
        new CorpusPreparer(english()).prepare(input, fresh, OPTIONS);

        assertThat(again.annotated).isEqualTo(3);
        assertSameFiles(output, fresh);
        assertThat(PreparedCorpus.open(output).manifest().corpusFingerprint())
                .isNotEqualTo(PreparedCorpus.open(uninterrupted).manifest().corpusFingerprint());
    }

    @Test
    public void otherSettingsStartOver()
    {
        Path output = temp.resolve("prepared");
        interruptAfter(2, sotuFolder(), output, OPTIONS);

        Counting again = new Counting();
        PrepareOptions smaller = OPTIONS.toBuilder().vocabularySize(900).build();
        Manifest manifest = new CorpusPreparer(english()).prepare(sotuFolder(), output, smaller, again);

        assertThat(again.annotated).isEqualTo(3);
        assertThat(again.phases).contains(PreparePhase.TRAINING_VOCABULARY);
        assertThat(manifest.vocabulary().size()).isEqualTo(900);
        assertThat(new PreparationWork(1, 1, "f", manifest.settings(), null, null)
                .differenceFrom(new PreparationWork(1, 1, "f", PreparedCorpus.open(uninterrupted).manifest().settings(), null, null)))
                .isEqualTo("it was made with other settings (vocabularySize 1000, now 900)");
    }

    @Test
    public void aResumedPreparationDoesNotTrainTheVocabularyAgain()
    {
        Path output = temp.resolve("prepared");
        interruptAfter(1, sotuFolder(), output, OPTIONS);

        Counting resumed = new Counting();
        new CorpusPreparer(english()).prepare(sotuFolder(), output, OPTIONS, resumed);

        assertThat(resumed.phases).containsExactly(PreparePhase.SCANNING, PreparePhase.ANNOTATING, PreparePhase.WRITING);
        assertThat(resumed.annotated).isEqualTo(2);
    }

    /** Prepares until {@code shards} shards are complete (one document each), then fails as a crash would. */
    @Test
    public void aSecondPreparationIntoTheSameTargetWhileOneRunsIsRefused()
            throws IOException
    {
        Path output = temp.resolve("prepared");
        List<String> refusals = new ArrayList<>();
        new CorpusPreparer(english()).prepare(sotuFolder(), output, OPTIONS, new PrepareListener()
        {
            @Override
            public void documentsAnnotated(long done, long total)
            {
                if (done == 1) {
                    try {
                        new CorpusPreparer(english()).prepare(sotuFolder(), output, OPTIONS);
                    }
                    catch (IllegalStateException e) {
                        refusals.add(e.getMessage());
                    }
                }
            }
        });
        // The first went on undisturbed: the second touched neither its unfinished directory nor its lock.
        assertThat(refusals).containsExactly("The prepared corpus " + output + " is already in use by this process");
        assertSameFiles(output, uninterrupted);
        assertThat(temp.resolve(".prepared.partial")).doesNotExist();
        // The lock was released with the end of the first.
        new CorpusPreparer(english()).prepare(sotuFolder(), output, OPTIONS.toBuilder().overwrite(true).build());
        assertSameFiles(output, uninterrupted);
    }

    private static void interruptAfter(int shards, Path input, Path output, PrepareOptions options)
    {
        assertThatThrownBy(() -> new CorpusPreparer(english()).prepare(input, output, options, new PrepareListener()
        {
            @Override
            public void documentsAnnotated(long done, long total)
            {
                if (done == shards) {
                    throw new IllegalStateException("interrupted after " + done + " documents");
                }
            }
        })).hasMessage("interrupted after " + shards + " documents");
    }

    private static void assertSameFiles(Path actual, Path expected)
            throws IOException
    {
        List<String> names = names(expected);
        assertThat(names(actual)).isEqualTo(names);
        assertThat(names).contains("manifest.json", "vocab.txt", "shard-00000.bin", "shard-00001.bin", "shard-00002.bin");
        for (String name : names) {
            assertThat(Files.readAllBytes(actual.resolve(name))).as(name).isEqualTo(Files.readAllBytes(expected.resolve(name)));
        }
    }

    private static List<String> names(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private Path copyOf(Path folder)
            throws IOException
    {
        Path copy = Files.createDirectories(temp.resolve("input"));
        for (String name : names(folder)) {
            if (name.endsWith(".txt")) {
                Files.copy(folder.resolve(name), copy.resolve(name));
            }
        }
        return copy;
    }

    /** Counts what a preparation annotates. */
    private static final class Counting
            implements PrepareListener
    {
        private final List<PreparePhase> phases = new ArrayList<>();
        private final List<Long> done = new ArrayList<>();
        private int annotated;

        @Override
        public void phaseStarted(PreparePhase phase)
        {
            phases.add(phase);
        }

        @Override
        public void documentsAnnotated(long done, long total)
        {
            annotated++;
            if (done == total) {
                this.done.add(done);
            }
        }
    }
}
