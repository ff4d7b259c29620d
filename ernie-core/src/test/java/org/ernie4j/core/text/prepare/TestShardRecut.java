package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.text.annotate.AnnotationOptions;
import org.ernie4j.core.text.annotate.DocumentAnnotator;
import org.ernie4j.core.text.annotate.Gazetteer;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.spi.document.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingModels.english;
import static org.ernie4j.core.testing.TestingModels.sotuVocabulary;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuText;

/**
 * Documents written in parts of any lengths, as a cluster's workers write them, recut into the shards a single writer
 * makes of the same documents: the same files, byte for byte.
 */
public class TestShardRecut
{
    private static final int DOCUMENTS_PER_SHARD = 4;

    @TempDir
    Path temporary;

    private static List<Document> passages;

    @BeforeAll
    static void annotateAnAddressInPassages()
    {
        DocumentAnnotator annotator = new DocumentAnnotator(english(), Gazetteer.empty(), sotuVocabulary(), AnnotationOptions.defaults());
        passages = new ArrayList<>();
        // The address is one line: passages of three sentences each make a document.
        String[] sentences = sotuText(WASHINGTON_1790).strip().split("(?<=\\.) ");
        for (int i = 0; i < sentences.length; i += 3) {
            String passage = String.join(" ", List.of(sentences).subList(i, Math.min(sentences.length, i + 3)));
            passages.add(annotator.annotate(RawDocument.ofText("washington-" + i, null, passage)));
        }
    }

    @Test
    void partsOfUnevenLengthsRecutIntoTheShardsOfOneWriter()
            throws IOException
    {
        assertThat(passages).hasSizeGreaterThan(12);
        Path single = Files.createDirectory(temporary.resolve("single"));
        ShardSetWriter writer = new ShardSetWriter(single, DOCUMENTS_PER_SHARD);
        passages.forEach(writer::add);
        List<ShardInfo> expected = writer.finish();

        // Parts of 3, 0, 6 and the rest documents, each written in files of up to four documents as a worker writes them.
        int[] ends = {3, 3, 9, passages.size()};
        List<Path> files = new ArrayList<>();
        List<Integer> documents = new ArrayList<>();
        int start = 0;
        for (int part = 0; part < ends.length; part++) {
            Path directory = Files.createDirectory(temporary.resolve("part-" + part));
            ShardSetWriter partWriter = new ShardSetWriter(directory, DOCUMENTS_PER_SHARD);
            passages.subList(start, ends[part]).forEach(partWriter::add);
            for (ShardInfo shard : partWriter.finish()) {
                files.add(directory.resolve(shard.file()));
                documents.add(shard.documents());
            }
            start = ends[part];
        }

        Path recut = Files.createDirectory(temporary.resolve("recut"));
        ShardRecut cut = new ShardRecut(files, documents, DOCUMENTS_PER_SHARD);
        assertThat(cut.documents()).isEqualTo(passages.size());
        List<ShardInfo> written = new ArrayList<>();
        // Out of order, as parallel tasks may write them.
        for (int index = cut.shards() - 1; index >= 0; index--) {
            written.add(0, cut.write(index, recut));
        }

        assertThat(written).isEqualTo(expected);
        for (ShardInfo shard : expected) {
            assertThat(Files.readAllBytes(recut.resolve(shard.file()))).as(shard.file()).isEqualTo(Files.readAllBytes(single.resolve(shard.file())));
        }
        assertThatThrownBy(() -> cut.write(cut.shards(), recut)).isInstanceOf(IllegalArgumentException.class);
    }
}
