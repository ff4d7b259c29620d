package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ernie4j.core.testing.TestingDocuments;
import org.ernie4j.core.text.annotate.AnnotationOptions;
import org.ernie4j.core.text.annotate.DocumentAnnotator;
import org.ernie4j.core.text.annotate.Gazetteer;
import org.ernie4j.core.text.corpus.CorpusException;
import org.ernie4j.core.text.corpus.CorpusFingerprint;
import org.ernie4j.core.text.corpus.CorpusFormat;
import org.ernie4j.core.text.corpus.CorpusInput;
import org.ernie4j.core.text.corpus.CorpusReader;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.core.text.corpus.SkipReason;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingModels.english;
import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuFolder;
import static org.ernie4j.core.testing.TestingResources.spam;

public class TestCorpusPreparer
{
    private static final PrepareOptions SOTU_OPTIONS = PrepareOptions.builder().vocabularySize(1000).documentsPerShard(2).build();

    @TempDir
    static Path shared;

    private static Path sotu;
    private static Manifest sotuManifest;
    private static final List<String> events = new ArrayList<>();

    @TempDir
    Path temp;

    @BeforeAll
    public static void prepareSotu()
    {
        sotu = shared.resolve("sotu");
        sotuManifest = new CorpusPreparer(english()).prepare(sotuFolder(), sotu, SOTU_OPTIONS, new PrepareListener()
        {
            @Override
            public void phaseStarted(PreparePhase phase)
            {
                events.add(phase.name());
            }

            @Override
            public void documentsAnnotated(long done, long total)
            {
                events.add(done + "/" + total);
            }
        });
    }

    @Test
    public void replicasHoldEveryDocumentOncePerCopyUnderTheirOwnFingerprint()
    {
        PreparedCorpus source = PreparedCorpus.open(sotu);
        Path target = temp.resolve("x3");

        Manifest manifest = CorpusReplicas.write(source, 3, target);
        PreparedCorpus replicas = PreparedCorpus.open(target);

        assertThat(replicas.documents().size()).isEqualTo(9);
        assertThat(replicas.manifest()).isEqualTo(manifest);
        assertThat(manifest.stats().pieces()).isEqualTo(3 * sotuManifest.stats().pieces());
        assertThat(manifest.corpusReport().documents()).isEqualTo(3 * sotuManifest.corpusReport().documents());
        assertThat(manifest.settings().input()).isEqualTo(sotuManifest.settings().input() + " x 3");
        assertThat(replicas.fingerprint()).isNotEqualTo(source.fingerprint()).hasSize(64);
        assertThat(replicas.vocabulary().size()).isEqualTo(source.vocabulary().size());
        for (int copy = 1; copy <= 3; copy++) {
            for (int index = 0; index < source.documents().size(); index++) {
                Document original = source.documents().get(index);
                Document copied = replicas.documents().get((copy - 1) * source.documents().size() + index);
                assertThat(copied.id()).isEqualTo("copy-0" + copy + "/" + original.id());
                assertThat(copied.title()).isEqualTo(original.title());
                assertThat(TestingDocuments.render(new Document(original.id(), null, copied.sentences())))
                        .isEqualTo(TestingDocuments.render(new Document(original.id(), null, original.sentences())));
            }
        }
        assertThatThrownBy(() -> CorpusReplicas.write(source, 2, target)).isInstanceOf(PreparedCorpusException.class);
        assertThatThrownBy(() -> CorpusReplicas.write(source, 0, temp.resolve("none")))
                .hasMessage("copies must be at least 1, not 0");
    }

    @Test
    public void preparedCorpusHoldsTheAnnotatedDocuments()
    {
        PreparedCorpus corpus = PreparedCorpus.open(sotu);

        assertThat(corpus.documents().size()).isEqualTo(3);
        assertThat(corpus.manifest()).isEqualTo(sotuManifest);
        assertThat(corpus.vocabulary().size()).isEqualTo(1000);
        assertThat(corpus.fingerprint()).isEqualTo(CorpusFingerprint.of(CorpusInput.resolve(sotuFolder(), CorpusFormat.AUTO)));
        assertThat(corpus.indexOf(NIXON_1973)).hasValue(2);
        assertThat(corpus.indexOf("1973_nixon.txt")).isEmpty();
        // Exactly what annotating the raw text with the corpus's vocabulary gives.
        List<RawDocument> raw = new ArrayList<>();
        new CorpusReader(SOTU_OPTIONS.corpus()).read(sotuFolder(), raw::add);
        DocumentAnnotator annotator = new DocumentAnnotator(english(), Gazetteer.empty(), corpus.vocabulary(), AnnotationOptions.defaults());
        for (int i = 0; i < 3; i++) {
            assertThat(TestingDocuments.render(corpus.documents().get(i))).isEqualTo(TestingDocuments.render(annotator.annotate(raw.get(i))));
        }
        assertThat(corpus.document(WASHINGTON_1790).sentences().get(0).text())
                .startsWith("Fellow-Citizens of the Senate and House of Representatives:");
    }

    @Test
    public void manifestCountsAndDescribesEverything()
            throws IOException
    {
        Manifest manifest = PreparedCorpus.open(sotu).manifest();
        List<Document> documents = List.of(PreparedCorpus.open(sotu).document(WASHINGTON_1790),
                PreparedCorpus.open(sotu).document(HOOVER_1932), PreparedCorpus.open(sotu).document(NIXON_1973));

        assertThat(manifest.formatVersion()).isEqualTo(2);
        assertThat(manifest.stats().documents()).isEqualTo(3);
        assertThat(manifest.stats().sentences()).isEqualTo(documents.stream().mapToLong(document -> document.sentences().size()).sum());
        assertThat(manifest.stats().pieces()).isEqualTo(documents.stream().mapToLong(Document::pieceCount).sum());
        assertThat(manifest.stats().tokens()).isEqualTo(manifest.annotation().tokens()).isGreaterThan(4000);
        assertThat(manifest.shards()).extracting(ShardInfo::file).containsExactly("shard-00000.bin", "shard-00001.bin");
        assertThat(manifest.shards()).extracting(ShardInfo::documents).containsExactly(2, 1);
        for (ShardInfo shard : manifest.shards()) {
            assertThat(shard.sha256()).isEqualTo(Sha256.of(sotu.resolve(shard.file())));
            assertThat(shard.bytes()).isEqualTo(Files.size(sotu.resolve(shard.file())));
        }
        // Compact: the text plus about eight bytes per token (with its pieces, tag and share of chunks and entities).
        long textBytes = Files.size(sotuFolder().resolve(WASHINGTON_1790)) + Files.size(sotuFolder().resolve(HOOVER_1932))
                + Files.size(sotuFolder().resolve(NIXON_1973));
        assertThat(manifest.shards().stream().mapToLong(ShardInfo::bytes).sum()).isLessThan(textBytes + 10 * manifest.stats().tokens());
        assertThat(manifest.vocabulary()).isEqualTo(new VocabularyInfo("vocab.txt", 1000, Sha256.of(sotu.resolve("vocab.txt"))));
        assertThat(manifest.settings().format()).isEqualTo(CorpusFormat.TEXT_FOLDER);
        assertThat(manifest.settings().input()).isEqualTo(sotuFolder().toString());
        assertThat(manifest.settings().vocabularySource()).isEqualTo("trained");
        assertThat(manifest.settings().vocabularySize()).isEqualTo(1000);
        assertThat(manifest.corpusReport().documents()).isEqualTo(3);
        assertThat(Files.readString(sotu.resolve("manifest.json"))).contains("\"corpusFingerprint\" : \"" + manifest.corpusFingerprint() + "\"");
        try (Stream<Path> files = Files.list(sotu)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("manifest.json", "vocab.txt", "shard-00000.bin", "shard-00001.bin");
        }
        // As any directory the user makes, not owner-only as a temporary directory would be.
        Path sibling = Files.createDirectory(shared.resolve("sibling"));
        assertThat(Files.getPosixFilePermissions(sotu)).isEqualTo(Files.getPosixFilePermissions(sibling));
    }

    @Test
    public void listenerHearsPhasesAndProgress()
    {
        assertThat(events).containsExactly("SCANNING", "TRAINING_VOCABULARY", "ANNOTATING", "1/3", "2/3", "3/3", "WRITING");
    }

    @Test
    public void outputIsByteIdenticalWhateverTheThreads()
            throws IOException
    {
        Path twoThreads = temp.resolve("two-threads");
        new CorpusPreparer(english()).prepare(sotuFolder(), twoThreads, SOTU_OPTIONS.toBuilder().threads(2).build());

        for (String file : List.of("manifest.json", "vocab.txt", "shard-00000.bin", "shard-00001.bin")) {
            assertThat(Files.readAllBytes(twoThreads.resolve(file))).as(file).isEqualTo(Files.readAllBytes(sotu.resolve(file)));
        }
    }

    @Test
    public void refusesToReplaceAnythingButAnEarlierPreparedCorpusWhenAsked()
            throws IOException
    {
        Path input = smallCorpus();
        Path output = temp.resolve("prepared");
        CorpusPreparer preparer = new CorpusPreparer(english());
        PrepareOptions options = PrepareOptions.builder().vocabularySize(100).build();
        preparer.prepare(input, output, options);
        String firstFingerprint = PreparedCorpus.open(output).fingerprint();

        assertThatThrownBy(() -> preparer.prepare(input, output, options))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Output directory " + output + " already holds a prepared corpus; set overwrite to replace it");

        Files.writeString(input, "\nOur national defense has been maintained.\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        preparer.prepare(input, output, options.toBuilder().overwrite(true).build());
        assertThat(PreparedCorpus.open(output).fingerprint()).isNotEqualTo(firstFingerprint);
        assertThat(PreparedCorpus.open(output).documents().size()).isEqualTo(4);

        Path notACorpus = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(notACorpus.resolve("todo.txt"), "keep me");
        assertThatThrownBy(() -> preparer.prepare(input, notACorpus, options.toBuilder().overwrite(true).build()))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Output directory " + notACorpus + " exists, is not empty and holds no prepared corpus (manifest.json); refusing to replace it");
        assertThat(notACorpus.resolve("todo.txt")).hasContent("keep me");

        Path empty = Files.createDirectories(temp.resolve("empty"));
        preparer.prepare(input, empty, options);
        assertThat(PreparedCorpus.open(empty).documents().size()).isEqualTo(4);
        assertNoTemporaryDirectories();
    }

    @Test
    public void aCorpusWithoutUsableTextLeavesNothingBehind()
            throws IOException
    {
        Path mails = Files.createDirectories(temp.resolve("mails"));
        Files.copy(spam("02026.e6e094c6110cbff0c3a55e0fc5c9273a.txt"), mails.resolve("ham.txt"));
        Path output = temp.resolve("prepared");

        assertThatThrownBy(() -> new CorpusPreparer(english()).prepare(mails, output, PrepareOptions.builder().vocabularySize(100).build()))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("No usable text in " + mails);
        assertThat(output).doesNotExist();
        assertNoTemporaryDirectories();
    }

    @Test
    public void recordsWhatWasSkippedInTheManifest()
            throws IOException
    {
        Path mails = Files.createDirectories(temp.resolve("mails"));
        for (String mail : List.of("00067.23813c5ac6ce66fd892ee5501fd5dbd2.txt", "00136.faa39d8e816c70f23b4bb8758d8a74f0.txt",
                "00325.58d1a52f435030dc38568bc12a3d76a2.txt", "00471.df77fa930951f79466c195052ff56816.txt")) {
            Files.copy(spam(mail), mails.resolve(mail));
        }
        Path output = temp.resolve("prepared");

        new CorpusPreparer(english()).prepare(mails, output, PrepareOptions.builder().vocabularySize(300).maxLineLength(10_000).build());

        Manifest manifest = PreparedCorpus.open(output).manifest();
        assertThat(manifest.corpusReport().documents()).isEqualTo(1);
        assertThat(manifest.corpusReport().skippedCount(SkipReason.INVALID_UTF8)).isEqualTo(1);
        assertThat(manifest.corpusReport().skippedCount(SkipReason.BINARY)).isEqualTo(1);
        assertThat(manifest.corpusReport().skipped().get(SkipReason.LINE_TOO_LONG).examples())
                .containsExactly("00471.df77fa930951f79466c195052ff56816.txt");
        assertThat(manifest.settings().maxLineLength()).isEqualTo(10_000);
    }

    @Test
    public void usesAGivenVocabularyAndGazetteer()
            throws IOException
    {
        Path gazetteer = temp.resolve("gazetteer.tsv");
        Files.write(gazetteer, List.of("# places", "Tennessee\tPLACE"), StandardCharsets.UTF_8);
        Path output = temp.resolve("prepared");
        PrepareOptions options = PrepareOptions.builder().vocabulary(sotu.resolve("vocab.txt")).gazetteer(gazetteer).build();

        new CorpusPreparer(english()).prepare(smallCorpus(), output, options);

        PreparedCorpus corpus = PreparedCorpus.open(output);
        assertThat(Files.readAllBytes(output.resolve("vocab.txt"))).isEqualTo(Files.readAllBytes(sotu.resolve("vocab.txt")));
        assertThat(corpus.manifest().settings().vocabularySource()).isEqualTo(sotu.resolve("vocab.txt").toString());
        assertThat(corpus.manifest().settings().vocabularySize()).isNull();
        assertThat(corpus.manifest().settings().gazetteerSha256()).isEqualTo(Sha256.of(gazetteer));
        Sentence sentence = corpus.document("addresses.txt#2").sentences().get(0);
        assertThat(sentence.text()).isEqualTo("The Governor of Tennessee has informed me.");
        assertThat(sentence.entities()).containsExactly(new Span(1, 2, "PROPER"), new Span(3, 4, "PLACE"));
    }

    @Test
    public void openNamesDamagedOrMissingFiles()
            throws IOException
    {
        Path copy = copyOf(sotu);
        byte[] shard = Files.readAllBytes(copy.resolve("shard-00001.bin"));
        shard[shard.length / 2] ^= 1;
        Files.write(copy.resolve("shard-00001.bin"), shard);
        assertThatThrownBy(() -> PreparedCorpus.open(copy))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessageStartingWith("Shard " + copy.resolve("shard-00001.bin") + " has SHA-256 ")
                .hasMessageEndingWith("the file was changed or damaged; prepare the corpus again");

        Path noVocabulary = copyOf(sotu);
        Files.delete(noVocabulary.resolve("vocab.txt"));
        assertThatThrownBy(() -> PreparedCorpus.open(noVocabulary))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Prepared corpus file " + noVocabulary.resolve("vocab.txt") + " is missing");

        assertThatThrownBy(() -> PreparedCorpus.open(temp))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("No prepared corpus in " + temp + ": manifest.json is missing");
    }

    @Test
    public void openReadsTheManifestStrictly()
            throws IOException
    {
        String manifest = Files.readString(sotu.resolve("manifest.json"));

        Path newer = copyOf(sotu);
        Files.writeString(newer.resolve("manifest.json"), manifest.replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"));
        assertThatThrownBy(() -> PreparedCorpus.open(newer))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Manifest " + newer.resolve("manifest.json") + " has format version 3; this version of ernie4j reads version 2: "
                        + "prepare the corpus again");

        // Version 1 recorded no tokenization: its corpora were split as uncased BERT splits, and open as that.
        Path older = copyOf(sotu);
        assertThat(manifest).contains("\"tokenization\" : {");
        Files.writeString(older.resolve("manifest.json"), manifest.replace("\"formatVersion\" : 2", "\"formatVersion\" : 1")
                .replaceAll("\"tokenization\" : \\{[^}]*\\},\\s*", ""));
        assertThat(PreparedCorpus.open(older).vocabulary().settings()).isEqualTo(TokenizerSettings.UNCASED);
        Files.writeString(older.resolve("manifest.json"), manifest.replace("\"formatVersion\" : 2", "\"formatVersion\" : 1"));
        assertThatThrownBy(() -> PreparedCorpus.open(older)).as("version 1 with a version 2 key").isInstanceOf(PreparedCorpusException.class)
                .hasMessageContaining("has format version 1");

        Path unknown = copyOf(sotu);
        Files.writeString(unknown.resolve("manifest.json"), manifest.replace("\"maxLineLength\"", "\"colour\" : \"blue\",\n\"maxLineLength\""));
        assertThatThrownBy(() -> PreparedCorpus.open(unknown))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessageStartingWith("Manifest " + unknown.resolve("manifest.json") + " is not valid at settings.colour: Unrecognized field \"colour\"");

        Path missing = copyOf(sotu);
        Files.writeString(missing.resolve("manifest.json"), manifest.replaceFirst("\"documents\" : 3,", ""));
        assertThatThrownBy(() -> PreparedCorpus.open(missing))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessageContaining("is not valid at stats.documents: Missing creator property 'documents'");
    }

    /** Three short documents in the BERT layout, with real sentences. */
    private Path smallCorpus()
            throws IOException
    {
        Path file = temp.resolve("addresses.txt");
        Files.write(file, List.of(
                "Our country is at peace.",
                "Education and science have made further advances.",
                "",
                "The Governor of Tennessee has informed me.",
                "",
                "I transmit herewith to the Congress information upon the state of the Union."), StandardCharsets.UTF_8);
        return file;
    }

    private Path copyOf(Path prepared)
            throws IOException
    {
        Path copy = Files.createTempDirectory(temp, "copy");
        try (Stream<Path> files = Files.list(prepared)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private void assertNoTemporaryDirectories()
            throws IOException
    {
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains(".tmp-") || name.contains(".old-")
                    || name.endsWith(".partial"));
        }
    }
}
