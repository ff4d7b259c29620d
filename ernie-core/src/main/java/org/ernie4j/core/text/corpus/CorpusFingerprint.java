package org.ernie4j.core.text.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.ernie4j.core.PublicApi;

/**
 * The SHA-256 of a corpus: over the relative path, the length and the bytes of every input file, in reading order. Two
 * corpora with the same fingerprint give the same prepared corpus under the same settings; a checkpoint records it so
 * that training can tell when it is resumed on different data.
 */
@PublicApi
public final class CorpusFingerprint
{
    private CorpusFingerprint() {}

    /** The fingerprint as 64 lower-case hex digits. */
    public static String of(CorpusInput input)
    {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Path file : input.files()) {
            byte[] name = input.relativeName(file).getBytes(StandardCharsets.UTF_8);
            try (InputStream in = Files.newInputStream(file)) {
                // The name's length and the file's length keep the boundaries between files unambiguous.
                digest.update(ByteBuffer.allocate(4).putInt(name.length).array());
                digest.update(name);
                digest.update(ByteBuffer.allocate(8).putLong(Files.size(file)).array());
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read corpus file " + file, e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
