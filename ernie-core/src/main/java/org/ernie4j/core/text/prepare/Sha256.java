package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex.
 */
final class Sha256
{
    private Sha256() {}

    static MessageDigest newDigest()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest)
    {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(byte[] bytes)
    {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }

    static String of(Path file)
    {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return hex(digest);
    }
}
