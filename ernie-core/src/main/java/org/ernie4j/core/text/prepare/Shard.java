package org.ernie4j.core.text.prepare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * A shard of encoded documents (see {@link ShardWriter} for the format), decoding a document each time one is asked for.
 * Only the header (labels and document offsets) is held in memory; a document's bytes are read when it is asked for,
 * from the file ({@link #open}) or from an array ({@link #parse}). So a corpus far larger than the heap can be trained
 * on: what is resident is the offsets, a few bytes per document, and the operating system's page cache, which it
 * gives back under pressure. Immutable and thread-safe.
 */
final class Shard
{
    /** The first read of a header; a longer one is read again with twice the window. */
    private static final int HEADER_WINDOW = 1 << 16;
    /** What is read of a document to find its id, most ids being far shorter. */
    private static final int ID_WINDOW = 512;

    private final String name;
    private final ShardBytes bytes;
    private final String[] labels;
    private final long[] offsets;

    private Shard(String name, ShardBytes bytes, String[] labels, long[] offsets)
    {
        this.name = name;
        this.bytes = bytes;
        this.labels = labels;
        this.offsets = offsets;
    }

    /**
     * A shard file, read a document at a time when asked for.
     *
     * @throws PreparedCorpusException naming the file if it is missing or not a shard of this format
     */
    static Shard open(Path file)
    {
        return parse(file.toString(), ShardBytes.of(requireNonNull(file, "file is null")));
    }

    /**
     * A shard held as its bytes.
     *
     * @param name names the shard in error messages
     * @throws PreparedCorpusException if the bytes are not a shard of this format
     */
    static Shard parse(String name, byte[] data)
    {
        return parse(name, ShardBytes.of(requireNonNull(data, "data is null")));
    }

    private static Shard parse(String name, ShardBytes bytes)
    {
        requireNonNull(name, "name is null");
        long window = Math.min(bytes.length(), HEADER_WINDOW);
        while (true) {
            try {
                return parseHeader(name, bytes.read(0, (int) window), bytes);
            }
            catch (IndexOutOfBoundsException e) {
                if (window == bytes.length()) {
                    throw new PreparedCorpusException("Shard " + name + " is truncated", e);
                }
                window = Math.min(bytes.length(), Math.min(2 * window, Integer.MAX_VALUE - 8));
            }
        }
    }

    /** Reads the header from its first bytes; an index out of bounds means the window was too short. */
    private static Shard parseHeader(String name, byte[] head, ShardBytes bytes)
    {
        Reader reader = new Reader(head, 0);
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
        int count = reader.readInt();
        if (count < 0) {
            throw new PreparedCorpusException("Shard " + name + " is damaged: it says it holds " + count + " documents");
        }
        long[] offsets = new long[count + 1];
        int[] lengths = new int[count];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = reader.readInt();
        }
        offsets[0] = reader.position;
        for (int i = 0; i < lengths.length; i++) {
            offsets[i + 1] = offsets[i] + lengths[i];
        }
        if (offsets[count] != bytes.length()) {
            throw new PreparedCorpusException("Shard " + name + " is truncated or has trailing bytes");
        }
        return new Shard(name, bytes, labels, offsets);
    }

    int size()
    {
        return offsets.length - 1;
    }

    /** The id of a document, without decoding the rest of it. */
    String id(int index)
    {
        int length = length(index);
        try {
            return new Reader(bytes.read(offsets[index], Math.min(length, ID_WINDOW)), 0).readString();
        }
        catch (IndexOutOfBoundsException e) {
            // An id longer than the window: read the whole document.
            return new Reader(bytes.read(offsets[index], length), 0).readString();
        }
    }

    Document document(int index)
    {
        Reader reader = new Reader(bytes.read(offsets[index], length(index)), 0);
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

    private int length(int index)
    {
        return (int) (offsets[index + 1] - offsets[index]);
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
