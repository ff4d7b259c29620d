package org.ernie4j.testkit;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestAnnotatedText
{
    private static final TestingVocabulary VOCABULARY = TestingVocabulary.of(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "pre", "##sident", "visited", "united", "states", ".", "he", "left"));

    private static final String HEADER = "# document: d1\n# title:\n";
    private static final String TOKEN = "The\t10\tDT\tB-NP\tO\tthe\n";

    private static final String TWO_DOCUMENTS = """
            # document: d1
            # title: The first address
            # sentence: 10\tThe President visited the United States.
            The\t10\tDT\tB-NP\tO\tthe
            President\t14\tNNP\tI-NP\tB-PROPER\tpre ##sident
            visited\t24\tVBD\tO\tO\tvisited
            the\t32\tDT\tB-NP\tO\tthe
            United\t36\tNNP\tI-NP\tB-PROPER\tunited
            States\t43\tNNPS\tI-NP\tI-PROPER\tstates
            .\t49\t.\tO\tO\t.

            # sentence: 51\tHe left.
            He\t51\tPRP\tB-NP\tO\the
            left\t54\tVBD\tO\tO\tleft
            .\t58\t.\tO\tO\t.



            # document: d2
            # title:
            # sentence: 0\tΑθήνα
            Αθήνα\t0\tNNP\tB-NP\tB-PROPER\t[UNK]
            """;

    @Test
    void readsDocumentsSentencesTokensAndSpans()
    {
        List<Document> documents = AnnotatedText.parse(TWO_DOCUMENTS, VOCABULARY);
        assertThat(documents).extracting(Document::id).containsExactly("d1", "d2");
        assertThat(documents.get(0).title()).contains("The first address");
        assertThat(documents.get(1).title()).isEmpty();

        Sentence first = documents.get(0).sentences().get(0);
        assertThat(first.text()).isEqualTo("The President visited the United States.");
        assertThat(first.start()).isEqualTo(10);
        assertThat(first.tokens()).extracting(Token::surface).containsExactly("The", "President", "visited", "the", "United", "States", ".");
        assertThat(first.tokens()).extracting(Token::pos).containsExactly("DT", "NNP", "VBD", "DT", "NNP", "NNPS", ".");
        assertThat(first.tokens().get(1).start()).isEqualTo(14);
        assertThat(first.tokens().get(1).pieceIds()).containsExactly(6, 7);
        assertThat(first.chunks()).containsExactly(new Span(0, 2, "NP"), new Span(3, 6, "NP"));
        assertThat(first.entities()).containsExactly(new Span(1, 2, "PROPER"), new Span(4, 6, "PROPER"));

        Sentence second = documents.get(0).sentences().get(1);
        assertThat(second.chunks()).containsExactly(new Span(0, 1, "NP"));
        assertThat(second.entities()).isEmpty();

        Sentence greek = documents.get(1).sentences().get(0);
        assertThat(greek.tokens().get(0).pieceIds()).containsExactly(VOCABULARY.unkId());
        assertThat(greek.entities()).containsExactly(new Span(0, 1, "PROPER"));
    }

    @Test
    void spansEndAtTheNextBeginOrAtTheSentenceEnd()
    {
        List<Document> documents = AnnotatedText.parse(HEADER + """
                # sentence: 0\tthe the the
                the\t0\tDT\tB-NP\tB-X\tthe
                the\t4\tDT\tB-NP\tI-X\tthe
                the\t8\tDT\tI-NP\tB-Y\tthe
                """, VOCABULARY);
        Sentence sentence = documents.get(0).sentences().get(0);
        assertThat(sentence.chunks()).containsExactly(new Span(0, 1, "NP"), new Span(1, 3, "NP"));
        assertThat(sentence.entities()).containsExactly(new Span(0, 2, "X"), new Span(2, 3, "Y"));
    }

    @Test
    void readsDocumentsWithoutSentencesAndSentencesWithoutTokens()
    {
        List<Document> documents = AnnotatedText.parse("# document: empty\n# title:\n# document: d2\n# title:\n# sentence: 0\t\n\n", VOCABULARY);
        assertThat(documents.get(0).sentences()).isEmpty();
        assertThat(documents.get(1).sentences()).singleElement().satisfies(sentence -> assertThat(sentence.tokens()).isEmpty());
        assertThat(AnnotatedText.parse("", VOCABULARY)).isEmpty();
    }

    @Test
    void rejectsTextOutsideTheGrammarNamingTheLine()
    {
        assertError("hello\n", "line 1: expected '# document: <id>' before anything else");
        assertError("# document: d1\n# sentence: 0\tThe\n", "line 2: expected '# title: <title>' right after the document line");
        assertError("# document: d1\n", "line 1: input ends before the title line of document 'd1'");
        assertError("# document: \n", "line 1: document id is empty");
        assertError(HEADER + "# document: d1\n# title:\n", "line 3: document id 'd1' repeats an earlier document");
        assertError(HEADER + TOKEN, "line 3: expected '# sentence:', '# document:' or a blank line");
        assertError(HEADER + "# comment\n", "line 3: expected '# sentence:', '# document:' or a blank line");
        assertError(HEADER + "# sentence: 10 The\n", "line 3: expected '# sentence: <offset>\\t<text>'");
        assertError(HEADER + "# sentence: x\tThe\n", "line 3: sentence offset is not a number: 'x'");
        assertError(HEADER + "# sentence: -1\tThe\n", "line 3: sentence offset is negative: -1");
        assertError(HEADER + "# sentence: 10\tThe\n" + TOKEN + "# sentence: 20\tThe\n", "line 5: sentence not closed by a blank line before this header");
        assertError(HEADER + "# sentence: 10\tThe\n" + TOKEN + "\n# sentence: 12\tThe\n", "line 6: sentence starts at 12, before the previous sentence ends at 13");
    }

    @Test
    void rejectsBadTokenLinesNamingTheLine()
    {
        String sentence = HEADER + "# sentence: 10\tThe President\n";
        assertError(sentence + "The\t10\tDT\tB-NP\tthe\n", "line 4: expected 6 tab-separated fields (surface, offset, POS, chunk, entity, pieces), found 5");
        assertError(sentence + "The\t10\tDT\tB-NP\tO\tthe\textra\n", "line 4: expected 6 tab-separated fields (surface, offset, POS, chunk, entity, pieces), found 7");
        assertError(sentence + "\t10\tDT\tB-NP\tO\tthe\n", "line 4: token surface is empty");
        assertError(sentence + "The\tten\tDT\tB-NP\tO\tthe\n", "line 4: token offset is not a number: 'ten'");
        assertError(sentence + "The\t9\tDT\tB-NP\tO\tthe\n", "line 4: token 'The' starts at 9, before 10 where its sentence starts");
        assertError(sentence + "The\t11\tDT\tB-NP\tO\tthe\n", "line 4: token 'The' is not at offset 11 of its sentence, which reads 'he ' there");
        assertError(sentence + TOKEN + "The\t12\tDT\tB-NP\tO\tthe\n", "line 5: token 'The' starts at 12, before 13 where the previous token ends");
        assertError(sentence + "The\t10\t\tB-NP\tO\tthe\n", "line 4: part-of-speech tag '' is empty or contains a space");
        assertError(sentence + "The\t10\tDT\tNP\tO\tthe\n", "line 4: chunk tag 'NP' is not O, B-<type> or I-<type>");
        assertError(sentence + "The\t10\tDT\tI-NP\tO\tthe\n", "line 4: chunk tag 'I-NP' continues no NP span");
        assertError(sentence + "The\t10\tDT\tB-NP\tI-PROPER\tthe\n", "line 4: entity tag 'I-PROPER' continues no PROPER span");
        assertError(sentence + "The\t10\tDT\tB-NP\tB-\tthe\n", "line 4: entity tag 'B-' is not O, B-<type> or I-<type>");
        assertError(sentence + TOKEN + "President\t14\tNNP\tI-VP\tO\tpre ##sident\n", "line 5: chunk tag 'I-VP' continues no VP span");
        assertError(sentence + "The\t10\tDT\tB-NP\tO\t\n", "line 4: token has no word pieces");
        assertError(sentence + TOKEN + "President\t14\tNNP\tI-NP\tO\tpre  ##sident\n", "line 5: word pieces must be separated by single spaces: 'pre  ##sident'");
        assertError(sentence + TOKEN + "President\t14\tNNP\tI-NP\tO\tpresident\n", "line 5: word piece 'president' is not in the vocabulary");
    }

    @Test
    void readsTheFixtureFromTheClassPath()
    {
        assertThat(AnnotatedText.readResource(Fixtures.SOTU, Fixtures.vocabulary())).isNotEmpty();
        assertThatThrownBy(() -> AnnotatedText.readResource("fixtures/missing.txt", VOCABULARY))
                .hasMessage("no resource fixtures/missing.txt on the class path");
    }

    private static void assertError(String text, String message)
    {
        assertThatThrownBy(() -> AnnotatedText.parse(text, VOCABULARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("annotated text " + message);
    }
}
