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
}
