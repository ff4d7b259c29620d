package org.ernie4j.runner.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.util.CharsetUtil;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * The readable text of a raw RFC 822 mail: the subject and every text part, with transfer encodings (base64,
 * quoted-printable) and charsets decoded, HTML reduced to its text, and everything else (attachments, images) dropped
 * and counted. Bytes that do not decode in the declared charset are replaced (U+FFFD) rather than failing the mail.
 * Apache James mime4j parses (headers, multipart structure, transfer encodings, encoded words); what counts as text,
 * what is dropped and how HTML becomes text are decided here.
 */
final class MailText
{
    // mime4j's default limits (1,000-character lines, 10,000-character headers) would fail whole mails that the corpus
    // has, such as one line of 14,299 characters; its limits on nesting depth and part count stay.
    private static final MimeConfig CONFIG = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).build();
    // What an unknown charset name usually stands for in old mail.
    private static final Charset UNKNOWN_CHARSET = Charset.forName("windows-1252");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?[0-9A-Fa-f]+);");

    /** The subject and body text, and what was dropped (by content type). */
    record Decoded(String subject, String body, List<String> dropped)
    {
        String text()
        {
            return (subject + "\n" + body).strip();
        }
    }

    private MailText()
    {
    }

    static Decoded decode(byte[] raw)
    {
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        stream.parse(new ByteArrayInputStream(raw));
        String subject = null;
        int openMessages = 0;
        List<String> texts = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MESSAGE -> openMessages++;
                    case T_END_MESSAGE -> openMessages--;
                    // The subject of the mail itself, not of a forwarded one inside it.
                    case T_FIELD -> {
                        if (openMessages == 1 && subject == null && stream.getField().getNameLowerCase().equals("subject")) {
                            subject = latin1Body(stream.getField());
                        }
                    }
                    case T_BODY -> collect(stream, texts, dropped);
                    default -> {
                    }
                }
            }
        }
        catch (MimeException | MimeIOException e) {
            // Past one of mime4j's limits (nesting depth, part count): what was read so far is kept.
            dropped.add("rest of the mail (" + e.getClass().getSimpleName() + ")");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot happen: the mail is in memory", e);
        }
        return new Decoded(subject == null ? "" : decodeHeader(subject), String.join("\n", texts), dropped);
    }

    private static void collect(MimeTokenStream stream, List<String> texts, List<String> dropped)
            throws IOException
    {
        BodyDescriptor body = stream.getBodyDescriptor();
        // mime4j keeps the sloppy "text/plain charset=..." (no ';') that some mailers write as the whole type.
        String type = body.getMimeType().split("\\s", 2)[0];
        if (type.equals("text/plain") || type.equals("text/html")) {
            // String's constructor replaces bytes that are not valid in the charset instead of failing.
            String text = new String(stream.getDecodedInputStream().readAllBytes(), charset(body.getCharset()));
            texts.add(type.equals("text/html") ? htmlText(text) : text);
        }
        else {
            dropped.add(type);
        }
    }

    /**
     * The unfolded body of a header field with 8-bit bytes read as Latin-1: mime4j reads them as UTF-8, but in this old
     * mail they never are (35 subjects of the SpamAssassin corpus have such bytes, none of them valid UTF-8).
     */
    private static String latin1Body(Field field)
    {
        String raw = new String(field.getRaw().toByteArray(), StandardCharsets.ISO_8859_1);
        return MimeUtil.unfold(raw.substring(raw.indexOf(':') + 1));
    }

    private static Charset charset(String name)
    {
        Charset charset = CharsetUtil.lookup(name);
        return charset == null ? UNKNOWN_CHARSET : charset;
    }

    static String htmlText(String html)
    {
        String text = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
        text = text.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>", "\n");
        text = TAG.matcher(text).replaceAll(" ");
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            String value = numeric.group(1);
            int code;
            try {
                code = value.startsWith("x") || value.startsWith("X") ? Integer.parseInt(value.substring(1), 16) : Integer.parseInt(value);
            }
            catch (NumberFormatException e) {
                code = ' ';
            }
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : " "));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** RFC 2047 encoded words in a header, such as {@code =?iso-8859-1?Q?Caf=E9?=}. */
    static String decodeHeader(String header)
    {
        return DecoderUtil.decodeEncodedWords(header.strip(), DecodeMonitor.SILENT, UNKNOWN_CHARSET);
    }
}
