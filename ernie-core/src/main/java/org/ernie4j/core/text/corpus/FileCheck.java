package org.ernie4j.core.text.corpus;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Decides whether a file is usable text before any document of it is read, in one streaming pass that holds no more than
 * a buffer: a file is skipped whole, so that a bad byte near its end cannot leave half of its documents in the corpus.
 */
final class FileCheck
{
    private static final int BUFFER_SIZE = 1 << 16;

    /** Why a file is not usable, with where in the file the problem is. */
    record Problem(SkipReason reason, String detail)
    {
        Problem
        {
            requireNonNull(reason, "reason is null");
            requireNonNull(detail, "detail is null");
        }
    }

    private final CorpusOptions options;

    FileCheck(CorpusOptions options)
    {
        this.options = requireNonNull(options, "options is null");
    }

    Optional<Problem> check(Path file)
            throws IOException
    {
        try {
            return checkText(file);
        }
        catch (ZipException | EOFException e) {
            // Only a compressed file's stream ends early or is not what it claims; a plain file's read never throws these.
            if (!CorpusFiles.compressed(file)) {
                throw e;
            }
            return Optional.of(new Problem(SkipReason.DAMAGED_COMPRESSION, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private Optional<Problem> checkText(Path file)
            throws IOException
    {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);
        CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
        Scan scan = new Scan(options.maxLineLength());
        long consumed = 0;
        try (ReadableByteChannel channel = CorpusFiles.channel(file)) {
            while (true) {
                boolean endOfInput = channel.read(bytes) < 0;
                bytes.flip();
                for (int i = bytes.position(); i < bytes.limit(); i++) {
                    if (bytes.get(i) == 0) {
                        return Optional.of(new Problem(SkipReason.BINARY,
                                "NUL byte at byte offset " + (consumed + i - bytes.position())));
                    }
                }
                while (true) {
                    int before = bytes.position();
                    CoderResult result = decoder.decode(bytes, chars, endOfInput);
                    consumed += bytes.position() - before;
                    // Scan what was decoded before judging an error, so that the error's line number is right.
                    Optional<Problem> problem = scan.scan(chars);
                    if (problem.isPresent()) {
                        return problem;
                    }
                    if (result.isError()) {
                        return Optional.of(new Problem(SkipReason.INVALID_UTF8,
                                "malformed UTF-8 at byte offset " + consumed + " (line " + scan.line + ")"));
                    }
                    if (!result.isOverflow()) {
                        break;
                    }
                }
                if (endOfInput) {
                    decoder.flush(chars);
                    Optional<Problem> problem = scan.scan(chars);
                    if (problem.isPresent()) {
                        return problem;
                    }
                    break;
                }
                bytes.compact();
            }
        }
        if (scan.visible == 0) {
            return Optional.of(new Problem(SkipReason.EMPTY, consumed == 0 ? "no bytes" : "only white space"));
        }
        if (scan.control > options.maxControlShare() * scan.total) {
            return Optional.of(new Problem(SkipReason.BINARY, String.format(Locale.ROOT,
                    "%.1f%% of the characters are control characters", 100.0 * scan.control / scan.total)));
        }
        return Optional.empty();
    }

    /** Counts over the decoded characters. */
    private static final class Scan
    {
        private final int maxLineLength;
        private long line = 1;
        private long lineLength;
        private long total;
        private long control;
        private long visible;

        Scan(int maxLineLength)
        {
            this.maxLineLength = maxLineLength;
        }

        Optional<Problem> scan(CharBuffer chars)
        {
            chars.flip();
            try {
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    total++;
                    if (c == '\n' || c == '\r') {
                        if (c == '\n') {
                            line++;
                        }
                        lineLength = 0;
                        continue;
                    }
                    if (++lineLength > maxLineLength) {
                        return Optional.of(new Problem(SkipReason.LINE_TOO_LONG,
                                "line " + line + " is longer than " + maxLineLength + " characters"));
                    }
                    if (isControl(c)) {
                        control++;
                    }
                    else if (!Character.isWhitespace(c)) {
                        visible++;
                    }
                }
                return Optional.empty();
            }
            finally {
                chars.clear();
            }
        }

        private static boolean isControl(char c)
        {
            if (c < 0x20) {
                return c != '\t' && c != '\f';
            }
            return c >= 0x7f && c <= 0x9f;
        }
    }
}
