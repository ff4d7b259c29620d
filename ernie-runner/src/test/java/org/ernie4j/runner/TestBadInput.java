package org.ernie4j.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * Bad input given to the command line, as a user would: each is reported with the file, line or key, and a run either
 * goes on without the bad part or stops cleanly, keeping what was trained.
 */
class TestBadInput
{
    private static final Path SPAM_ASSASSIN = Path.of("../../shared/data/spam-assassin").toAbsolutePath().normalize();

    @TempDir
    Path temporary;

    @Test
    void unusableFilesAreSkippedWithTheirNamesAndTheRestIsPrepared()
            throws Exception
    {
        Path corpus = Files.createDirectories(temporary.resolve("corpus"));
        Files.copy(Path.of(resource("tiny-corpus/1790_george_washington_n.txt")), corpus.resolve("washington.txt"));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Files.write(corpus.resolve("binary.txt"), new byte[] {0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0});
        Files.write(corpus.resolve("latin1.txt"), "Caf\u00e9 au lait, na\u00efve.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(corpus.resolve("one-line.txt"), "word ".repeat(300_000));
        Path run = temporary.resolve("run");

        TestingErnie.Result result = ernie("prepare", "--config", resource("tiny.yaml"), "--corpus", corpus.toString(), "--run-dir", run.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("1 documents from 5 files")
                .contains("empty.txt").contains("binary.txt").contains("latin1.txt").contains("one-line.txt");
        assertThat(run.resolve("prepared/manifest.json")).exists();
    }

    @Test
    void aFolderWithoutTextIsRefusedNamingIt()
            throws IOException
    {
        Path corpus = Files.createDirectories(temporary.resolve("nothing"));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Files.write(corpus.resolve("blob.txt"), new byte[] {0, 1, 2, 3, 4, 5, 0, 0});
        TestingErnie.Result result = ernie("prepare", "--corpus", corpus.toString(), "--run-dir", temporary.resolve("run").toString());
        assertThat(result.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(result.err()).contains("error: No usable text in " + corpus).contains("1 empty (e.g. empty.txt)").contains("1 binary (e.g. blob.txt)");
        assertThat(temporary.resolve("run/prepared")).doesNotExist();
    }

    @Test
    void rawSpamAssassinMailsTrain()
            throws Exception
    {
        assumeTrue(Files.isDirectory(SPAM_ASSASSIN), "the SpamAssassin corpus is not at " + SPAM_ASSASSIN + " (../shared/data beside the checkout)");
        // The first thirty mails of each folder: invalid UTF-8, MIME parts, HTML, base64 attachments, long lines.
        Path corpus = Files.createDirectories(temporary.resolve("mails"));
        for (String folder : List.of("easy-ham-1", "hard-ham-1", "spam-1", "spam-2")) {
            try (Stream<Path> mails = Files.list(SPAM_ASSASSIN.resolve(folder))) {
                for (Path mail : mails.sorted().limit(30).toList()) {
                    Files.copy(mail, corpus.resolve(folder + "-" + mail.getFileName()));
                }
            }
        }
        Path run = temporary.resolve("run");
        TestingErnie.Result result = ernie("pretrain", "--config", resource("tiny.yaml"), "--corpus", corpus.toString(), "--run-dir",
                run.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("finished at step 6 of 6");
        // What could not be read was skipped, counted and named in the prepared corpus's report.
        String manifest = Files.readString(run.resolve("prepared/manifest.json"));
        assertThat(manifest).contains("INVALID_UTF8").contains("-ham-1-");
    }

    @Test
    void aDiskThatFillsUpWhileWritingACheckpointStopsTheRunAndKeepsTheLastGoodOne()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result first = ernie("pretrain", "--max-steps", "20", "--config", resource("tiny-crash.yaml"), "--corpus",
                resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Path good = run.resolve("checkpoints/step-00000020");
        long parameters = Files.size(good.resolve("parameters.bin"));
        long optimizer = Files.size(good.resolve("optimizer.bin"));
        // A per-file size limit between the two checkpoint files: the next checkpoint fails halfway, as on a full disk.
        long limitBlocks = (parameters + optimizer) / 2 / 1024;
        Path log = temporary.resolve("full-disk.log");
        Process training = TestingErnie.startWithFileSizeLimit(log, limitBlocks, "pretrain", "--resume", "--config", resource("tiny-crash.yaml"),
                "--corpus", resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(training.waitFor()).as(Files.readString(log)).isEqualTo(ErrorHandler.FAILURE);
        assertThat(Files.readString(log)).contains("could not write checkpoint " + run.resolve("checkpoints/step-00000030"))
                .contains("File too large").contains("earlier checkpoints are untouched");
        try (Stream<Path> entries = Files.list(run.resolve("checkpoints"))) {
            assertThat(entries.map(path -> path.getFileName().toString()).sorted().toList()).containsExactly("step-00000010", "step-00000020");
        }

        TestingErnie.Result resumed = ernie("pretrain", "--resume", "--config", resource("tiny-crash.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("finished at step 40 of 40 (resumed at step 20)");
    }

    @Test
    void aVocabularyThatDoesNotMatchTheCheckpointIsRefused()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result trained = ernie("pretrain", "--max-steps", "3", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(trained.code()).as(trained.err()).isZero();
        Path config = temporary.resolve("other-vocabulary.yaml");
        Files.writeString(config, Files.readString(Path.of(resource("tiny.yaml"))).replace("size: 400", "size: 350"));
        TestingErnie.Result prepared = ernie("prepare", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--prepared",
                temporary.resolve("other-prepared").toString(), "--run-dir", run.toString());
        assertThat(prepared.code()).as(prepared.err()).isZero();
        TestingErnie.Result resumed = ernie("pretrain", "--resume", "--config", config.toString(), "--corpus", resource("tiny-corpus"),
                "--prepared", temporary.resolve("other-prepared").toString(), "--run-dir", run.toString());
        assertThat(resumed.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(resumed.err()).contains("cannot resume from").contains("the vocabulary differs from the one the checkpoint was trained with");
    }
}
