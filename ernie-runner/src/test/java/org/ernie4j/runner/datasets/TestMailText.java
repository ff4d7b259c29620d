package org.ernie4j.runner.datasets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestMailText
{
    @Test
    void decodesMultipartQuotedPrintableBase64HtmlAndEncodedSubjects()
    {
        String mail = String.join("\n",
                "From: someone@example.com",
                "Subject: =?iso-8859-1?Q?Caf=E9_news?=",
                "Content-Type: multipart/mixed;",
                "\tboundary=\"XYZ\"",
                "",
                "preamble",
                "--XYZ",
                "Content-Type: text/plain; charset=iso-8859-1",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Soft=",
                " break and na=EFve text.",
                "--XYZ",
                "Content-Type: text/html; charset=utf-8",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString("<html><style>p {}</style><p>Buy &amp; save&#33;</p></html>".getBytes(StandardCharsets.UTF_8)),
                "--XYZ",
                "Content-Type: image/gif",
                "Content-Transfer-Encoding: base64",
                "",
                "R0lGODlhAQABAAAAACw=",
                "--XYZ--",
                "epilogue");
        MailText.Decoded decoded = MailText.decode(mail.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(decoded.subject()).isEqualTo("Café news");
        assertThat(decoded.body()).contains("Soft break and naïve text.").contains("Buy & save!").doesNotContain("<p>").doesNotContain("p {}");
        assertThat(decoded.dropped()).containsExactly("image/gif");
    }

    @Test
    void bytesThatAreNotValidInTheDeclaredCharsetAreReplacedNotFatal()
    {
        byte[] mail = "Subject: hi\nContent-Type: text/plain; charset=utf-8\n\nbad \u00ff byte".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MailText.decode(mail).body()).isEqualTo("bad \uFFFD byte");
        byte[] unknownCharset = "Content-Type: text/plain; charset=x-unheard-of\n\ncaf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MailText.decode(unknownCharset).body()).isEqualTo("café");
    }

    @Test
    void oldMailAsItIsWrittenStillDecodes()
    {
        // An 8-bit subject in Latin-1, a content type without its ';', a line longer than mime4j's default limit.
        String line = "word ".repeat(3000);
        byte[] mail = ("From someone@example.com  Thu Aug 22 12:36:23 2002\nSubject: caf\u00e9 \u00a37\nContent-Type: TEXT/PLAIN charset=US-ASCII\n\n"
                + line).getBytes(StandardCharsets.ISO_8859_1);
        MailText.Decoded decoded = MailText.decode(mail);
        assertThat(decoded.subject()).isEqualTo("café £7");
        assertThat(decoded.body()).isEqualTo(line);
        assertThat(decoded.dropped()).isEmpty();
    }

    @Test
    void pastMimeLimitsWhatWasReadIsKeptAndTheRestCounted()
    {
        StringBuilder mail = new StringBuilder("Content-Type: multipart/mixed; boundary=\"B\"\n\n");
        for (int i = 0; i < 600; i++) {
            mail.append("--B\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        mail.append("--B--\n");
        MailText.Decoded decoded = MailText.decode(mail.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded.body()).contains("part 0").doesNotContain("part 599");
        assertThat(decoded.dropped()).containsExactly("rest of the mail (MaxPartCountLimitException)");
    }

    // The cases below are ones the hand-written decoder before mime4j got wrong.

    @Test
    void base64EndingInPaddingKeepsItsLastBytes()
    {
        String encoded = Base64.getMimeEncoder().encodeToString("Buy now!".getBytes(StandardCharsets.US_ASCII));
        assertThat(encoded).endsWith("=");
        byte[] mail = ("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n" + encoded + "\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(MailText.decode(mail).body()).isEqualTo("Buy now!");
    }

    @Test
    void aPartWithoutHeadersStartsItsTextAtTheBlankLine()
    {
        String mail = String.join("\n",
                "Content-Type: multipart/alternative; boundary=\"##\"",
                "",
                "--##",
                "",
                "First paragraph.",
                "",
                "Second paragraph.",
                "--##--");
        assertThat(MailText.decode(mail.getBytes(StandardCharsets.US_ASCII)).body()).contains("First paragraph.").contains("Second paragraph.");
    }

    @Test
    void adjacentEncodedWordsJoinWithoutTheSpaceBetweenThem()
    {
        // RFC 2047: white space between encoded words is not text, and a character may be split across two words.
        byte[] mail = "Subject: =?utf-8?Q?na=C3?= =?utf-8?Q?=AFve?= text\n\nbody".getBytes(StandardCharsets.US_ASCII);
        assertThat(MailText.decode(mail).subject()).isEqualTo("naïve text");
    }
}
