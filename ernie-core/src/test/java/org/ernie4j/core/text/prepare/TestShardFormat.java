package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.core.testing.TestingDocuments;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestShardFormat
{
    @TempDir
    Path temp;

    @Test
    public void documentsRoundTripWithEveryField()
            throws IOException
    {
        List<Document> documents = List.of(peace(), accents(), new Document("empty", "no sentences", List.of()));
        ShardWriter writer = new ShardWriter();
        documents.forEach(writer::add);
        Path file = temp.resolve("shard-00000.bin");

        ShardInfo info = writer.writeTo(file);
        byte[] bytes = Files.readAllBytes(file);
        Shard shard = Shard.parse("shard-00000.bin", bytes);

        assertThat(info).isEqualTo(new ShardInfo("shard-00000.bin", 3, bytes.length, Sha256.of(bytes)));
        assertThat(shard.size()).isEqualTo(3);
        for (int i = 0; i < documents.size(); i++) {
            assertThat(shard.id(i)).isEqualTo(documents.get(i).id());
            assertThat(TestingDocuments.render(shard.document(i))).isEqualTo(TestingDocuments.render(documents.get(i)));
        }
        assertThat(shard.document(1).title()).isEmpty();
    }

    @Test
    public void truncatedOrForeignBytesAreErrorsNamingTheShard()
    {
        ShardWriter writer = new ShardWriter();
        writer.add(peace());
        Path file = temp.resolve("shard-00000.bin");
        writer.writeTo(file);

        assertThatThrownBy(() -> Shard.parse("shard-00000.bin", Arrays.copyOf(read(file), read(file).length - 3)))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Shard shard-00000.bin is truncated or has trailing bytes");
        assertThatThrownBy(() -> Shard.parse("shard-00000.bin", Arrays.copyOf(read(file), 10)))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Shard shard-00000.bin is truncated");
        assertThatThrownBy(() -> Shard.parse("notes.txt", "Our country is at peace.".getBytes()))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Shard notes.txt is not an ernie4j shard file");
    }

    @Test
    public void aShardFileIsReadADocumentAtATimeWithAHeaderOfAnyLength()
            throws IOException
    {
        // 20,000 documents: the header's offsets alone take 80,000 bytes, more than the first read of a header.
        ShardWriter writer = new ShardWriter();
        Document peace = peace();
        for (int i = 0; i < 20_000; i++) {
            writer.add(new Document("hoover#" + i, i % 2 == 0 ? null : "part " + i, peace.sentences()));
        }
        writer.add(accents());
        Path file = temp.resolve("shard-00000.bin");
        writer.writeTo(file);

        Shard shard = Shard.open(file);

        assertThat(shard.size()).isEqualTo(20_001);
        assertThat(shard.id(0)).isEqualTo("hoover#0");
        assertThat(shard.id(19_999)).isEqualTo("hoover#19999");
        assertThat(TestingDocuments.render(shard.document(12_345)))
                .isEqualTo(TestingDocuments.render(new Document("hoover#12345", "part 12345", peace.sentences())));
        assertThat(TestingDocuments.render(shard.document(20_000))).isEqualTo(TestingDocuments.render(accents()));
    }

    @Test
    public void anIdLongerThanItsFirstReadIsReadWhole()
    {
        ShardWriter writer = new ShardWriter();
        String longId = "a-very-long-document-id/".repeat(40);
        writer.add(new Document(longId, null, peace().sentences()));
        Path file = temp.resolve("shard-00000.bin");
        writer.writeTo(file);

        assertThat(Shard.open(file).id(0)).isEqualTo(longId);
    }

    @Test
    public void aShardFileChangedOrRemovedAfterOpeningIsAnErrorNamingIt()
            throws IOException
    {
        ShardWriter writer = new ShardWriter();
        writer.add(peace());
        Path file = temp.resolve("shard-00000.bin");
        writer.writeTo(file);
        Shard shard = Shard.open(file);

        Files.write(file, Arrays.copyOf(read(file), read(file).length + 1));
        assertThatThrownBy(() -> shard.document(0))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessageContaining("Shard " + file + " changed size since the corpus was opened");
        Files.delete(file);
        assertThatThrownBy(() -> shard.document(0))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Prepared corpus file " + file + " disappeared after the corpus was opened");
        assertThatThrownBy(() -> Shard.open(file))
                .isInstanceOf(PreparedCorpusException.class)
                .hasMessage("Prepared corpus file " + file + " is missing");
    }

    private static Document peace()
    {
        // "Our country is at peace." at offset 225 of Hoover's address.
        int s = 225;
        List<Token> tokens = List.of(
                new Token("Our", s, "PRP$", new int[] {2020}),
                new Token("country", s + 4, "NN", new int[] {1603}),
                new Token("is", s + 12, "VBZ", new int[] {1013}),
                new Token("at", s + 15, "IN", new int[] {1005}),
                new Token("peace", s + 18, "NN", new int[] {3521, 70000}),
                new Token(".", s + 23, ".", new int[] {1012}));
        Sentence sentence = new Sentence("Our country is at peace.", s, tokens,
                List.of(new Span(0, 2, "NP"), new Span(2, 3, "VP"), new Span(3, 4, "PP"), new Span(4, 5, "NP")),
                List.of());
        return new Document("1932_herbert_hoover_r.txt", "State of the Union, 1932", List.of(sentence));
    }

    private static Document accents()
    {
        // Multi-byte text, a surface that differs from the text (a normalised quote), an offset before the sentence.
        String text = "Élysée «Palace» — 𝔘nion";
        List<Token> tokens = List.of(
                new Token("Élysée", 0, "NNP", new int[] {1}),
                new Token("\"", 7, "``", new int[] {2}),
                new Token("Palace", 8, "NNP", new int[] {3}),
                new Token("»", 14, "''", new int[] {4}),
                new Token("—", 16, ":", new int[] {5}),
                new Token("𝔘nion", 18, "NNP", new int[] {6, 7}),
                new Token("before", -40, "IN", new int[] {8}));
        return new Document("paris#1", null, List.of(
                new Sentence(text, 0, tokens, List.of(new Span(0, 4, "NP")), List.of(new Span(0, 1, "PROPER"), new Span(2, 3, "PLACE"))),
                new Sentence(text, 1_000_000, List.of(new Token("far", 2_000_000, "RB", new int[] {9})), List.of(), List.of())));
    }

    private static byte[] read(Path file)
    {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
