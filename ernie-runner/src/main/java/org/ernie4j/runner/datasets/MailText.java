package org.ernie4j.runner.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of a raw RFC 822 mail: the subject and every text part, with transfer encodings (base64,
 * quoted-printable) and charsets decoded, HTML reduced to its text, and everything else (attachments, images) dropped
 * and counted. Bytes that do not decode in the declared charset are replaced (U+FFFD) rather than failing the mail.
 */
final class MailText
{
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([A-Za-z-]+)\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?[0-9A-Fa-f]+);");
    private static final int MAX_DEPTH = 8;

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
        Part mail = Part.parse(raw);
        List<String> texts = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        collect(mail, texts, dropped, 0);
        return new Decoded(decodeHeader(mail.header("subject")), String.join("\n", texts), dropped);
    }

    private static void collect(Part part, List<String> texts, List<String> dropped, int depth)
    {
        String type = part.contentType();
        if (depth > MAX_DEPTH) {
            dropped.add(type + " (nested too deep)");
            return;
        }
        if (type.startsWith("multipart/")) {
            String boundary = part.parameter("boundary");
            if (boundary == null) {
                dropped.add(type + " (no boundary)");
                return;
            }
            for (byte[] child : split(part.body(), boundary)) {
                collect(Part.parse(child), texts, dropped, depth + 1);
            }
        }
        else if (type.equals("message/rfc822")) {
            collect(Part.parse(part.body()), texts, dropped, depth + 1);
        }
        else if (type.equals("text/plain") || type.equals("text/html")) {
            // String's constructor replaces bytes that are not valid in the charset instead of failing.
            String text = new String(transferDecode(part), charset(part.parameter("charset")));
            texts.add(type.equals("text/html") ? htmlText(text) : text);
        }
        else {
            dropped.add(type);
        }
    }

    private static byte[] transferDecode(Part part)
    {
        String encoding = part.header("content-transfer-encoding").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "base64" -> Base64.getMimeDecoder().decode(stripNonBase64(part.body()));
            case "quoted-printable" -> quotedPrintable(part.body());
            default -> part.body();
        };
    }

    private static byte[] stripNonBase64(byte[] body)
    {
        StringBuilder clean = new StringBuilder();
        for (byte b : body) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=') {
                clean.append(c);
            }
        }
        // Padding only at the end: anything after a first '=' run would make the decoder throw.
        int pad = clean.indexOf("=");
        String text = pad < 0 ? clean.toString() : clean.substring(0, pad);
        return text.substring(0, text.length() - text.length() % 4).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] quotedPrintable(byte[] body)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '=' && i + 1 < body.length && (body[i + 1] == '\n' || body[i + 1] == '\r')) {
                i += body[i + 1] == '\r' && i + 2 < body.length && body[i + 2] == '\n' ? 2 : 1;
            }
            else if (b == '=' && i + 2 < body.length && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            }
            else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b)
    {
        return Character.digit((char) b, 16);
    }

    /** The declared charset; an unknown one reads as windows-1252, the usual truth behind a bad declaration. */
    private static Charset charset(String name)
    {
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name.strip());
        }
        catch (RuntimeException e) {
            return Charset.forName("windows-1252");
        }
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
        Matcher word = ENCODED_WORD.matcher(header);
        StringBuilder decoded = new StringBuilder();
        while (word.find()) {
            byte[] bytes;
            try {
                bytes = word.group(2).equalsIgnoreCase("b")
                        ? Base64.getMimeDecoder().decode(word.group(3))
                        : quotedPrintable(word.group(3).replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1));
            }
            catch (IllegalArgumentException e) {
                bytes = word.group(0).getBytes(StandardCharsets.ISO_8859_1);
            }
            word.appendReplacement(decoded, Matcher.quoteReplacement(new String(bytes, charset(word.group(1)))));
        }
        word.appendTail(decoded);
        return decoded.toString();
    }

    /** The parts between {@code --boundary} lines, without the preamble and epilogue. */
    private static List<byte[]> split(byte[] body, String boundary)
    {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<byte[]> parts = new ArrayList<>();
        int start = text.indexOf(delimiter);
        while (start >= 0) {
            int contentStart = text.indexOf('\n', start);
            if (contentStart < 0 || text.startsWith(delimiter + "--", start)) {
                break;
            }
            int next = text.indexOf("\n" + delimiter, contentStart);
            int end = next < 0 ? text.length() : next;
            if (end > contentStart + 1) {
                parts.add(text.substring(contentStart + 1, end).getBytes(StandardCharsets.ISO_8859_1));
            }
            start = next < 0 ? -1 : next + 1;
        }
        return parts;
    }

    /** A MIME entity: its headers (names lower-cased, folded lines joined) and its raw body. */
    private record Part(Map<String, String> headers, byte[] body)
    {
        static Part parse(byte[] raw)
        {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\n\n");
            int crlfSplit = text.indexOf("\r\n\r\n");
            int bodyStart;
            String head;
            if (crlfSplit >= 0 && (split < 0 || crlfSplit < split)) {
                head = text.substring(0, crlfSplit);
                bodyStart = crlfSplit + 4;
            }
            else if (split >= 0) {
                head = text.substring(0, split);
                bodyStart = split + 2;
            }
            else {
                head = text;
                bodyStart = text.length();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String name = null;
            for (String line : head.split("\r?\n")) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                    headers.merge(name, " " + line.strip(), String::concat);
                }
                else {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                        headers.putIfAbsent(name, line.substring(colon + 1).strip());
                    }
                }
            }
            byte[] body = Arrays.copyOfRange(raw, Math.min(bodyStart, raw.length), raw.length);
            return new Part(headers, body);
        }

        String header(String name)
        {
            return headers.getOrDefault(name, "");
        }

        String contentType()
        {
            // The type ends at ';', or at white space in the sloppy "text/plain charset=..." some mailers write.
            String type = header("content-type").strip().split("[;\\s]", 2)[0].toLowerCase(Locale.ROOT);
            return type.isEmpty() ? "text/plain" : type;
        }

        String parameter(String name)
        {
            Matcher parameter = PARAMETER.matcher(header("content-type"));
            while (parameter.find()) {
                if (parameter.group(1).equalsIgnoreCase(name)) {
                    return parameter.group(3) != null ? parameter.group(3) : parameter.group(2);
                }
            }
            return null;
        }
    }
}
