package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class TestAnnotatedTextWriter
{
    private static final WordPieceVocabulary VOCABULARY = WordPieceVocabulary.of(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "pre", "##sident", "spoke", "to", "congress", ".", "mr", "hoover", "\""));

    @Test
    public void writesTheFixtureFormat()
            throws IOException
    {
        Sentence sentence = new Sentence("The President spoke to Congress.", 10,
                List.of(
                        token("The", 10, "DT"),
                        token("President", 14, "NNP"),
                        token("spoke", 24, "VBD"),
                        token("to", 30, "TO"),
                        token("Congress", 33, "NNP"),
                        token(".", 41, ".")),
                List.of(new Span(0, 2, "NP"), new Span(2, 3, "VP"), new Span(3, 4, "PP"), new Span(4, 5, "NP")),
                List.of(new Span(1, 2, "PROPER"), new Span(4, 5, "ORG")));
        Sentence second = new Sentence("Mr Hoover", 43, List.of(token("Mr", 43, "NNP"), token("Hoover", 46, "NNP")),
                List.of(new Span(0, 2, "NP")), List.of(new Span(0, 2, "PROPER")));

        assertThat(write(new Document("address.txt", "1932", List.of(sentence, second)), new Document("next", null, List.of(second))))
                .isEqualTo("""
                        # document: address.txt
                        # title: 1932
                        # sentence: 10\tThe President spoke to Congress.
                        The\t10\tDT\tB-NP\tO\tthe
                        President\t14\tNNP\tI-NP\tB-PROPER\tpre ##sident
                        spoke\t24\tVBD\tB-VP\tO\tspoke
                        to\t30\tTO\tB-PP\tO\tto
                        Congress\t33\tNNP\tB-NP\tB-ORG\tcongress
                        .\t41\t.\tO\tO\t.

                        # sentence: 43\tMr Hoover
                        Mr\t43\tNNP\tB-NP\tB-PROPER\tmr
                        Hoover\t46\tNNP\tI-NP\tI-PROPER\thoover

                        # document: next
                        # title:
                        # sentence: 43\tMr Hoover
                        Mr\t43\tNNP\tB-NP\tB-PROPER\tmr
                        Hoover\t46\tNNP\tI-NP\tI-PROPER\thoover

                        """);
    }

    @Test
    public void lineBreaksAndTabsInTextBecomeSpaces()
            throws IOException
    {
        Sentence sentence = new Sentence("Mr\tHoover\r\nspoke", 0,
                List.of(token("Mr", 0, "NNP"), token("Hoover", 3, "NNP"), token("spoke", 11, "VBD")), List.of(), List.of());

        assertThat(write(new Document("mail\n1", "Re:\tthe\u2028Union", List.of(sentence))))
                .isEqualTo("""
                        # document: mail 1
                        # title: Re: the Union
                        # sentence: 0\tMr Hoover  spoke
                        Mr\t0\tNNP\tO\tO\tmr
                        Hoover\t3\tNNP\tO\tO\thoover
                        spoke\t11\tVBD\tO\tO\tspoke

                        """);
    }

    private static Token token(String surface, int start, String pos)
    {
        return new Token(surface, start, pos, VOCABULARY.encode(surface));
    }

    private static String write(Document... documents)
            throws IOException
    {
        StringWriter out = new StringWriter();
        AnnotatedTextWriter writer = new AnnotatedTextWriter(VOCABULARY);
        for (Document document : documents) {
            writer.write(document, out);
        }
        return out.toString();
    }
}
