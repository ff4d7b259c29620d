package org.ernie4j.core.text.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens a corpus file as the bytes of its text. A file whose name ends in {@value #GZIP} is gzip-compressed and is
 * decompressed as it is read, a buffer at a time, so that a compressed corpus never has to be unpacked on disk or held
 * in memory; its layout is that of its name without the suffix ({@code part.jsonl.gz} is JSONL). Text is decoded
 * strictly, as UTF-8: a byte that is not UTF-8 is an error, never silently replaced.
 */
final class CorpusFiles
{
    static final String GZIP = ".gz";
    private static final int BUFFER_SIZE = 1 << 16;

    private CorpusFiles() {}

    /** The file's name in lower case without {@value #GZIP}: what its layout is judged by. */
    static String layoutName(Path file)
    {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return compressed(file) ? name.substring(0, name.length() - GZIP.length()) : name;
    }

    static boolean compressed(Path file)
    {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(GZIP);
    }

    /** The file's text bytes, decompressed when it is compressed. */
    static InputStream open(Path file)
            throws IOException
    {
        InputStream in = Files.newInputStream(file);
        if (!compressed(file)) {
            return in;
        }
        try {
            return new GZIPInputStream(in, BUFFER_SIZE);
        }
        catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static ReadableByteChannel channel(Path file)
            throws IOException
    {
        return compressed(file) ? Channels.newChannel(open(file)) : Files.newByteChannel(file);
    }

    /** The file's text, a line at a time; malformed UTF-8 is an error. */
    static BufferedReader reader(Path file)
            throws IOException
    {
        if (!compressed(file)) {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8.newDecoder()), BUFFER_SIZE);
    }

    /** The file's whole text; malformed UTF-8 is an error. */
    static String readString(Path file)
            throws IOException
    {
        if (!compressed(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        try (InputStream in = open(file)) {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        }
    }
}
