package org.ernie4j.core.text.prepare;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;

/**
 * Collects the documents of one shard in memory, encoded, and writes them as a shard file. The format, all integers
 * big-endian as {@link DataOutputStream} writes them, "varint" being an unsigned LEB128 and "zigzag" a signed one:
 * <pre>
 * int magic "ERNS", int format version
 * int label count, then each label as a string        (part-of-speech tags, chunk and entity types)
 * int document count, then each document's byte length (an index: any document can be decoded alone)
 * the documents, back to back:
 *   string id, byte 0 or 1 then string title, varint sentence count, then per sentence:
 *     zigzag start, string text, varint token count, then per token:
 *       zigzag offset from the previous token's end (from the sentence start for the first token),
 *       varint (length &lt;&lt; 1 | 1 if the surface is not the sentence text at that offset),
 *       [string surface,] varint tag label, varint piece count, varint piece ids
 *     varint chunk count, then per chunk: varint start, varint length, varint label; entities likewise
 * string = varint byte length, then UTF-8 bytes
 * </pre>
 * A token's surface is normally read back from the sentence text, which keeps a shard at about the size of its text
 * plus a few bytes per token.
 */
final class ShardWriter
{
    static final int MAGIC = 0x45524E53;
    static final int VERSION = 1;

    private final Map<String, Integer> labelIds = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(body);
    private final List<Integer> lengths = new ArrayList<>();

    void add(Document document)
    {
        int before = body.size();
        try {
            writeDocument(document);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        lengths.add(body.size() - before);
    }

    int documents()
    {
        return lengths.size();
    }

    /** Writes the shard file and describes it for the manifest. */
    ShardInfo writeTo(Path file)
    {
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream stream = Files.newOutputStream(file);
                DataOutputStream data = new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(stream, 1 << 16), digest))) {
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            data.writeInt(labels.size());
            for (String label : labels) {
                writeString(data, label);
            }
            data.writeInt(lengths.size());
            for (int length : lengths) {
                data.writeInt(length);
            }
            body.writeTo(data);
            data.flush();
            return new ShardInfo(file.getFileName().toString(), lengths.size(), data.size(), Sha256.hex(digest));
        }
        catch (IOException e) {
            // A half-written shard is never read (no record names it), but on a full disk its bytes are the room the user needs.
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new OutputWriteException("Cannot write shard " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeDocument(Document document)
            throws IOException
    {
        writeString(out, document.id());
        if (document.title().isPresent()) {
            out.writeByte(1);
            writeString(out, document.title().get());
        }
        else {
            out.writeByte(0);
        }
        writeVarint(out, document.sentences().size());
        for (Sentence sentence : document.sentences()) {
            writeSentence(sentence);
        }
    }

    private void writeSentence(Sentence sentence)
            throws IOException
    {
        String text = sentence.text();
        writeVarint(out, zigzag(sentence.start()));
        writeString(out, text);
        writeVarint(out, sentence.tokens().size());
        int previousEnd = sentence.start();
        for (Token token : sentence.tokens()) {
            int offset = token.start() - sentence.start();
            String surface = token.surface();
            boolean explicit = offset < 0 || offset + surface.length() > text.length()
                    || !text.regionMatches(offset, surface, 0, surface.length());
            // Mostly 0 or 1: one byte, where the offset in the sentence often needs two.
            writeVarint(out, zigzag(token.start() - previousEnd));
            previousEnd = token.end();
            writeVarint(out, surface.length() << 1 | (explicit ? 1 : 0));
            if (explicit) {
                writeString(out, surface);
            }
            writeVarint(out, label(token.pos()));
            writeVarint(out, token.pieceCount());
            for (int i = 0; i < token.pieceCount(); i++) {
                writeVarint(out, token.pieceId(i));
            }
        }
        writeSpans(sentence.chunks());
        writeSpans(sentence.entities());
    }

    private void writeSpans(List<Span> spans)
            throws IOException
    {
        writeVarint(out, spans.size());
        for (Span span : spans) {
            writeVarint(out, span.start());
            writeVarint(out, span.length());
            writeVarint(out, label(span.label()));
        }
    }

    private int label(String label)
    {
        return labelIds.computeIfAbsent(label, added -> {
            labels.add(added);
            return labels.size() - 1;
        });
    }

    private static void writeString(DataOutputStream out, String value)
            throws IOException
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes);
    }

    private static void writeVarint(DataOutputStream out, int value)
            throws IOException
    {
        if (value < 0) {
            throw new IllegalArgumentException("negative value where a count or id is expected: " + value);
        }
        while (value >= 0x80) {
            out.writeByte(value & 0x7F | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int zigzag(int value)
    {
        return value << 1 ^ value >> 31;
    }
}
