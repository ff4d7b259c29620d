package org.ernie4j.core.text.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotu;
import static org.ernie4j.core.testing.TestingResources.sotuFolder;
import static org.ernie4j.core.testing.TestingResources.sotuText;
import static org.ernie4j.core.testing.TestingResources.spam;

public class TestCorpusReader
{
    private static final String INVALID_UTF8_HAM = "02026.e6e094c6110cbff0c3a55e0fc5c9273a.txt";
    private static final String INVALID_UTF8_SPAM = "00136.faa39d8e816c70f23b4bb8758d8a74f0.txt";
    private static final String ISO_2022_JP_SPAM = "00325.58d1a52f435030dc38568bc12a3d76a2.txt";
    private static final String LONG_LINE_SPAM = "00471.df77fa930951f79466c195052ff56816.txt";
    private static final String ATTACHMENT_HAM = "00067.23813c5ac6ce66fd892ee5501fd5dbd2.txt";

    @TempDir
    Path temp;

    @Test
    public void readsFolderOfTextFilesInPathOrder()
    {
        List<RawDocument> documents = new ArrayList<>();
        CorpusReport report = new CorpusReader(CorpusOptions.defaults()).read(sotuFolder(), documents::add);

        assertThat(documents).extracting(RawDocument::id).containsExactly(WASHINGTON_1790, HOOVER_1932, NIXON_1973);
        assertThat(documents.get(1).text()).isEqualTo(sotuText(HOOVER_1932));
        assertThat(documents).allSatisfy(document -> {
            assertThat(document.title()).isNull();
            assertThat(document.givenSentences()).isEmpty();
        });
        assertThat(report.files()).isEqualTo(3);
        assertThat(report.documents()).isEqualTo(3);
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    public void idsAreRelativePathsAndHiddenFilesAreIgnored()
            throws IOException
    {
        copy(sotu(HOOVER_1932), temp.resolve("1932/hoover.txt"));
        copy(sotu(NIXON_1973), temp.resolve("1970s/1973/nixon.txt"));
        copy(sotu(WASHINGTON_1790), temp.resolve(".drafts/washington.txt"));
        copy(sotu(WASHINGTON_1790), temp.resolve(".washington.txt"));
        Files.writeString(temp.resolve("notes.md"), "not part of the corpus");

        List<RawDocument> documents = new ArrayList<>();
        new CorpusReader(CorpusOptions.defaults()).read(temp, documents::add);

        assertThat(documents).extracting(RawDocument::id).containsExactly("1932/hoover.txt", "1970s/1973/nixon.txt");
    }

    @Test
    public void skipsRealBadMailsByReason()
            throws IOException
    {
        for (String mail : List.of(INVALID_UTF8_HAM, INVALID_UTF8_SPAM, ISO_2022_JP_SPAM, LONG_LINE_SPAM, ATTACHMENT_HAM)) {
            copy(spam(mail), temp.resolve(mail));
        }
        List<RawDocument> documents = new ArrayList<>();
        CorpusReport report = new CorpusReader(CorpusOptions.defaults().withMaxLineLength(10_000)).read(temp, documents::add);

        // The base64 attachment is valid 7-bit text: telling it apart from prose is not the reader's job.
        assertThat(documents).extracting(RawDocument::id).containsExactly(ATTACHMENT_HAM);
        assertThat(report.files()).isEqualTo(5);
        assertThat(report.skipped().get(SkipReason.INVALID_UTF8).examples()).containsExactly(INVALID_UTF8_SPAM, INVALID_UTF8_HAM);
        assertThat(report.skipped().get(SkipReason.BINARY).examples()).containsExactly(ISO_2022_JP_SPAM);
        assertThat(report.skipped().get(SkipReason.LINE_TOO_LONG).examples()).containsExactly(LONG_LINE_SPAM);
        assertThat(report.totalSkipped()).isEqualTo(4);
        assertThat(report.summary()).contains("1 documents from 5 files", "2 not valid UTF-8 (e.g. " + INVALID_UTF8_SPAM + ")");
    }

    @Test
    public void longLineLimitIsConfigurable()
            throws IOException
    {
        // Every address is a single line; Nixon's is 9,720 characters long.
        copy(sotu(NIXON_1973), temp.resolve("nixon.txt"));
        copy(sotu(HOOVER_1932), temp.resolve("hoover.txt"));

        CorpusReport strict = new CorpusReader(CorpusOptions.defaults().withMaxLineLength(9_000)).read(temp, document -> {});
        CorpusReport lenient = new CorpusReader(CorpusOptions.defaults()).read(temp, document -> {});

        assertThat(strict.documents()).isEqualTo(1);
        assertThat(strict.skipped().get(SkipReason.LINE_TOO_LONG).examples()).containsExactly("nixon.txt");
        assertThat(lenient.documents()).isEqualTo(2);
    }

    @Test
    public void controlCharacterShareIsConfigurable()
            throws IOException
    {
        copy(spam(ISO_2022_JP_SPAM), temp.resolve("japanese.txt"));

        CorpusReport report = new CorpusReader(CorpusOptions.defaults().withMaxControlShare(0.05)).read(temp, document -> {});

        assertThat(report.documents()).isEqualTo(1);
    }

    @Test
    public void skipsEmptyAndBinaryFilesAndKeepsTheRest()
            throws IOException
    {
        copy(sotu(HOOVER_1932), temp.resolve("hoover.txt"));
        Files.write(temp.resolve("empty.txt"), new byte[0]);
        Files.writeString(temp.resolve("blank.txt"), " \n\t\r\n  \n");
        // The start of a PNG file: NUL bytes among others.
        Files.write(temp.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        // Valid UTF-8 text with a NUL byte deep inside.
        byte[] withNul = sotuText(NIXON_1973).getBytes(StandardCharsets.UTF_8);
        withNul[5000] = 0;
        Files.write(temp.resolve("nul.txt"), withNul);

        List<RawDocument> documents = new ArrayList<>();
        CorpusReport report = new CorpusReader(CorpusOptions.defaults()).read(temp, documents::add);

        assertThat(documents).extracting(RawDocument::id).containsExactly("hoover.txt");
        assertThat(report.skipped().get(SkipReason.EMPTY).examples()).containsExactly("blank.txt", "empty.txt");
        assertThat(report.skipped().get(SkipReason.BINARY).examples()).containsExactly("image.txt", "nul.txt");
    }

    @Test
    public void invalidUtf8AtTheEndOfALargeFileIsFound()
            throws IOException
    {
        // Bigger than the check's buffer, so that the bad byte is found in a later chunk.
        String text = sotuText(NIXON_1973).repeat(10);
        byte[] bytes = Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), text.length() + 2);
        bytes[bytes.length - 2] = (byte) 0xe9; // Latin-1 'é' followed by a space is not UTF-8
        bytes[bytes.length - 1] = ' ';
        Files.write(temp.resolve("latin1.txt"), bytes);
        copy(sotu(HOOVER_1932), temp.resolve("hoover.txt"));

        CorpusReport report = new CorpusReader(CorpusOptions.defaults()).read(temp, document -> {});

        assertThat(report.documents()).isEqualTo(1);
        assertThat(report.skippedCount(SkipReason.INVALID_UTF8)).isEqualTo(1);
    }

    @Test
    public void folderWithoutUsableTextIsAnErrorNamingIt()
            throws IOException
    {
        Path corpus = Files.createDirectories(temp.resolve("mails"));
        copy(spam(INVALID_UTF8_HAM), corpus.resolve(INVALID_UTF8_HAM));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);

        assertThatThrownBy(() -> new CorpusReader(CorpusOptions.defaults()).read(corpus, document -> {}))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("No usable text in " + corpus)
                .hasMessageContaining("not valid UTF-8 (e.g. " + INVALID_UTF8_HAM + ")")
                .hasMessageContaining("empty (e.g. empty.txt)");
    }

    @Test
    public void emptyOrMissingPathsAreErrorsNamingThem()
            throws IOException
    {
        Path folder = Files.createDirectories(temp.resolve("nothing"));
        Files.writeString(folder.resolve("readme.md"), "no text files here");
        CorpusReader reader = new CorpusReader(CorpusOptions.defaults());

        assertThatThrownBy(() -> reader.read(folder, document -> {}))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("no .txt files");
        assertThatThrownBy(() -> reader.read(temp.resolve("missing"), document -> {}))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(temp.resolve("missing").toString());
    }

    @Test
    public void readsBertLayoutWithGivenSentences()
            throws IOException
    {
        Path file = temp.resolve("corpus.txt");
        List<String> lines = new ArrayList<>(sentences(sotuText(WASHINGTON_1790)));
        lines.add("");
        lines.add("   ");
        lines.addAll(sentences(sotuText(HOOVER_1932)));
        lines.add("");
        lines.add("  Our country is at peace.  ");
        Files.write(file, lines, StandardCharsets.UTF_8);

        List<RawDocument> documents = new ArrayList<>();
        CorpusReport report = new CorpusReader(CorpusOptions.defaults()).read(file, documents::add);

        assertThat(report.documents()).isEqualTo(3);
        assertThat(documents).extracting(RawDocument::id).containsExactly("corpus.txt#1", "corpus.txt#2", "corpus.txt#3");
        assertThat(documents.get(0).givenSentences()).isEqualTo(sentences(sotuText(WASHINGTON_1790)));
        assertThat(documents.get(0).givenSentences().get(0)).startsWith("Fellow-Citizens of the Senate");
        assertThat(documents.get(2).givenSentences()).containsExactly("Our country is at peace.");
        assertThat(documents.get(1).text()).isEqualTo(String.join("\n", sentences(sotuText(HOOVER_1932))));
    }

    @Test
    public void readsJsonlAndSkipsMalformedLinesWithTheirNumbers()
            throws IOException
    {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = List.of(
                mapper.writeValueAsString(Map.of("id", "hoover-1932", "title", "State of the Union 1932", "text", sotuText(HOOVER_1932))),
                "{\"id\": \"broken\", \"text\": \"Our country is at peace.",
                mapper.writeValueAsString(Map.of("text", sotuText(NIXON_1973))),
                "",
                mapper.writeValueAsString(Map.of("id", 1790, "title", "no text")),
                "[\"an array\"]",
                mapper.writeValueAsString(Map.of("id", "hoover-1932", "text", "a second document with the same id")),
                mapper.writeValueAsString(Map.of("id", "blank", "text", "   ")),
                mapper.writeValueAsString(Map.of("id", 1790, "text", sotuText(WASHINGTON_1790))) + " trailing",
                "{\"id\": \"surrogate\", \"text\": \"half of a pair: \\ud83d.\"}");
        Path file = temp.resolve("addresses.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);

        List<RawDocument> documents = new ArrayList<>();
        CorpusReport report = new CorpusReader(CorpusOptions.defaults()).read(file, documents::add);

        assertThat(documents).extracting(RawDocument::id).containsExactly("hoover-1932", "addresses.jsonl:3");
        assertThat(documents.get(0).title()).isEqualTo("State of the Union 1932");
        assertThat(documents.get(0).text()).isEqualTo(sotuText(HOOVER_1932));
        assertThat(documents.get(1).title()).isNull();
        assertThat(report.skipped().get(SkipReason.MALFORMED_JSON).examples())
                .containsExactly("addresses.jsonl:2", "addresses.jsonl:5", "addresses.jsonl:6", "addresses.jsonl:9", "addresses.jsonl:10");
        assertThat(report.skipped().get(SkipReason.DUPLICATE_ID).examples()).containsExactly("hoover-1932");
        assertThat(report.skipped().get(SkipReason.EMPTY).examples()).containsExactly("addresses.jsonl:8");
    }

    @Test
    public void autoFormatFollowsThePath()
            throws IOException
    {
        copy(sotu(HOOVER_1932), temp.resolve("texts/hoover.txt"));
        Files.writeString(temp.resolve("lines.jsonl"), "{\"text\": \"Our country is at peace.\"}\n");
        Files.writeString(temp.resolve("data.json"), "{\"text\": \"Our country is at peace.\"}\n");

        assertThat(CorpusInput.resolve(temp.resolve("texts"), CorpusFormat.AUTO).format()).isEqualTo(CorpusFormat.TEXT_FOLDER);
        assertThat(CorpusInput.resolve(temp.resolve("texts/hoover.txt"), CorpusFormat.AUTO).format()).isEqualTo(CorpusFormat.BERT);
        assertThat(CorpusInput.resolve(temp.resolve("lines.jsonl"), CorpusFormat.AUTO).format()).isEqualTo(CorpusFormat.JSONL);
        assertThat(CorpusInput.resolve(temp.resolve("data.json"), CorpusFormat.AUTO).format()).isEqualTo(CorpusFormat.JSONL);
        assertThat(CorpusInput.resolve(temp.resolve("texts"), CorpusFormat.BERT).format()).isEqualTo(CorpusFormat.BERT);
        assertThatThrownBy(() -> CorpusInput.resolve(temp, CorpusFormat.AUTO))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(temp + " holds both .txt files (1) and .jsonl/.json files (2)");
        assertThat(CorpusInput.resolve(temp, CorpusFormat.JSONL).files())
                .containsExactly(temp.resolve("data.json"), temp.resolve("lines.jsonl"));
    }

    @Test
    public void fingerprintCoversNamesAndBytes()
            throws IOException
    {
        Path corpus = temp.resolve("corpus");
        copy(sotu(HOOVER_1932), corpus.resolve("hoover.txt"));
        copy(sotu(NIXON_1973), corpus.resolve("nixon.txt"));
        String original = CorpusFingerprint.of(CorpusInput.resolve(corpus, CorpusFormat.AUTO));
        assertThat(original).hasSize(64).isEqualTo(CorpusFingerprint.of(CorpusInput.resolve(corpus, CorpusFormat.AUTO)));

        Files.move(corpus.resolve("nixon.txt"), corpus.resolve("nixon-1973.txt"));
        String renamed = CorpusFingerprint.of(CorpusInput.resolve(corpus, CorpusFormat.AUTO));
        Files.writeString(corpus.resolve("nixon-1973.txt"), sotuText(NIXON_1973).replace("peace", "Peace"));
        String edited = CorpusFingerprint.of(CorpusInput.resolve(corpus, CorpusFormat.AUTO));

        assertThat(List.of(original, renamed, edited)).doesNotHaveDuplicates();
    }

    private static List<String> sentences(String text)
    {
        return Arrays.stream(text.split("(?<=[.!?]) +(?=[A-Z])"))
                .map(String::strip)
                .filter(sentence -> !sentence.isEmpty())
                .toList();
    }

    @Test
    public void gzipCompressedFilesAreReadAsTheirTextInEveryLayout()
            throws IOException
    {
        Path folder = Files.createDirectories(temp.resolve("folder"));
        gzip(Files.readAllBytes(sotu(HOOVER_1932)), folder.resolve("hoover.txt.gz"));
        copy(sotu(NIXON_1973), folder.resolve("nixon.txt"));
        Path bert = temp.resolve("corpus.txt");
        Files.write(bert, List.of("We meet again.", "The Union is strong.", "", "A second document."), StandardCharsets.UTF_8);
        gzip(Files.readAllBytes(bert), temp.resolve("corpus.txt.gz"));
        Path jsonl = gzip("{\"id\": \"a\", \"title\": \"First\", \"text\": \"Größe und 経済.\"}\n{\"text\": \"B\"\n".getBytes(StandardCharsets.UTF_8),
                temp.resolve("records.jsonl.gz"));
        CorpusReader reader = new CorpusReader(CorpusOptions.defaults());

        List<RawDocument> fromFolder = new ArrayList<>();
        reader.read(folder, fromFolder::add);
        List<RawDocument> fromBert = new ArrayList<>();
        reader.read(temp.resolve("corpus.txt.gz"), fromBert::add);
        List<RawDocument> fromJsonl = new ArrayList<>();
        CorpusReport jsonlReport = reader.read(jsonl, fromJsonl::add);

        assertThat(CorpusInput.resolve(folder, CorpusFormat.AUTO).format()).isEqualTo(CorpusFormat.TEXT_FOLDER);
        assertThat(fromFolder).extracting(RawDocument::id).containsExactly("hoover.txt.gz", "nixon.txt");
        assertThat(fromFolder.get(0).text()).isEqualTo(sotuText(HOOVER_1932));
        assertThat(fromBert).extracting(RawDocument::givenSentences)
                .containsExactly(List.of("We meet again.", "The Union is strong."), List.of("A second document."));
        assertThat(fromBert).extracting(RawDocument::id).containsExactly("corpus.txt.gz#1", "corpus.txt.gz#2");
        assertThat(fromJsonl).singleElement().satisfies(document -> {
            assertThat(document.title()).isEqualTo("First");
            assertThat(document.text()).isEqualTo("Größe und 経済.");
        });
        assertThat(jsonlReport.skipped()).as("the malformed second line, numbered in the decompressed text").containsKey(SkipReason.MALFORMED_JSON);
    }

    @Test
    public void aDamagedOrFalseGzipFileIsSkippedByNameAndTheRestIsRead()
            throws IOException
    {
        Path folder = Files.createDirectories(temp.resolve("folder"));
        byte[] compressed = Files.readAllBytes(gzip(Files.readAllBytes(sotu(HOOVER_1932)), temp.resolve("whole.txt.gz")));
        Files.write(folder.resolve("truncated.txt.gz"), Arrays.copyOf(compressed, compressed.length / 2));
        copy(sotu(NIXON_1973), folder.resolve("plain-text-named.txt.gz"));
        gzip(new byte[] {(byte) 0xC3, 0x28, 'a', 'b'}, folder.resolve("latin.txt.gz"));
        copy(sotu(WASHINGTON_1790), folder.resolve("washington.txt"));

        List<RawDocument> documents = new ArrayList<>();
        CorpusReport report = new CorpusReader(CorpusOptions.defaults()).read(folder, documents::add);

        assertThat(documents).extracting(RawDocument::id).containsExactly("washington.txt");
        assertThat(report.skipped().get(SkipReason.DAMAGED_COMPRESSION).examples()).containsExactlyInAnyOrder("truncated.txt.gz", "plain-text-named.txt.gz");
        assertThat(report.skipped().get(SkipReason.INVALID_UTF8).examples()).containsExactly("latin.txt.gz");
    }

    private static Path gzip(byte[] bytes, Path target)
            throws IOException
    {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(bytes);
        }
        return target;
    }

    private static void copy(Path source, Path target)
            throws IOException
    {
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
    }
}
