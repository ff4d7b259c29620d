package org.ernie4j.core.text.prepare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * A shard held in memory as its encoded bytes (see {@link ShardWriter} for the format), decoding a document each time
 * one is asked for. Bytes are several times more compact than the decoded objects. Immutable and thread-safe.
 */
final class Shard
{
    private final String name;
    private final byte[] data;
    private final String[] labels;
    private final int[] offsets;

    private Shard(String name, byte[] data, String[] labels, int[] offsets)
    {
        this.name = name;
        this.data = data;
        this.labels = labels;
        this.offsets = offsets;
    }

    /**
     * @param name names the shard in error messages
     * @throws PreparedCorpusException if the bytes are not a shard of this format
     */
    static Shard parse(String name, byte[] data)
    {
        requireNonNull(name, "name is null");
        requireNonNull(data, "data is null");
        try {
            Reader reader = new Reader(data, 0);
            if (reader.readInt() != ShardWriter.MAGIC) {
                throw new PreparedCorpusException("Shard " + name + " is not an ernie4j shard file");
            }
            int version = reader.readInt();
            if (version != ShardWriter.VERSION) {
                throw new PreparedCorpusException("Shard " + name + " has format version " + version + "; this version of ernie4j reads "
                        + ShardWriter.VERSION + " only: prepare the corpus again");
            }
            String[] labels = new String[reader.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = reader.readString().intern();
            }
            int[] offsets = new int[reader.readInt() + 1];
            int[] lengths = new int[offsets.length - 1];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = reader.readInt();
            }
            offsets[0] = reader.position;
            for (int i = 0; i < lengths.length; i++) {
                offsets[i + 1] = offsets[i] + lengths[i];
            }
            if (offsets[lengths.length] != data.length) {
                throw new PreparedCorpusException("Shard " + name + " is truncated or has trailing bytes");
            }
            return new Shard(name, data, labels, offsets);
        }
        catch (ArrayIndexOutOfBoundsException e) {
            throw new PreparedCorpusException("Shard " + name + " is truncated", e);
        }
    }

    int size()
    {
        return offsets.length - 1;
    }

    /** The id of a document, without decoding the rest of it. */
    String id(int index)
    {
        return new Reader(data, offsets[index]).readString();
    }

    Document document(int index)
    {
        Reader reader = new Reader(data, offsets[index]);
        String id = reader.readString();
        String title = reader.readByte() == 1 ? reader.readString() : null;
        int count = reader.readVarint();
        List<Sentence> sentences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sentences.add(readSentence(reader));
        }
        return new Document(id, title, sentences);
    }

    private Sentence readSentence(Reader reader)
    {
        int start = unzigzag(reader.readVarint());
        String text = reader.readString();
        int tokenCount = reader.readVarint();
        List<Token> tokens = new ArrayList<>(tokenCount);
        int previousEnd = start;
        for (int i = 0; i < tokenCount; i++) {
            int tokenStart = previousEnd + unzigzag(reader.readVarint());
            int offset = tokenStart - start;
            int lengthAndFlag = reader.readVarint();
            int length = lengthAndFlag >>> 1;
            String surface = (lengthAndFlag & 1) == 1 ? reader.readString() : text.substring(offset, offset + length);
            String pos = labels[reader.readVarint()];
            int[] pieces = new int[reader.readVarint()];
            for (int piece = 0; piece < pieces.length; piece++) {
                pieces[piece] = reader.readVarint();
            }
            tokens.add(new Token(surface, tokenStart, pos, pieces));
            previousEnd = tokenStart + surface.length();
        }
        List<Span> chunks = readSpans(reader);
        List<Span> entities = readSpans(reader);
        return new Sentence(text, start, tokens, chunks, entities);
    }

    private List<Span> readSpans(Reader reader)
    {
        int count = reader.readVarint();
        List<Span> spans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = reader.readVarint();
            int length = reader.readVarint();
            spans.add(new Span(start, start + length, labels[reader.readVarint()]));
        }
        return spans;
    }

    private static int unzigzag(int value)
    {
        return value >>> 1 ^ -(value & 1);
    }

    @Override
    public String toString()
    {
        return name;
    }

    /** Reads the primitives of the format from a byte array. */
    private static final class Reader
    {
        private final byte[] data;
        private int position;

        Reader(byte[] data, int position)
        {
            this.data = data;
            this.position = position;
        }

        int readByte()
        {
            return data[position++] & 0xFF;
        }

        int readInt()
        {
            return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
        }

        int readVarint()
        {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int next = readByte();
                value |= (next & 0x7F) << shift;
                if (next < 0x80) {
                    return value;
                }
            }
        }

        String readString()
        {
            int length = readVarint();
            String value = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}
