package org.ernie4j.tasks.word;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test annotator and the address corpus built with it: the label statistics of the other tests are only as good as
 * these documents.
 */
class TestPlainText
{
    @Test
    void splitsTokensAsATokenizerWould()
    {
        assertThat(PlainText.words("The U.S. Government's 3,000,000 florins (to-day)!"))
                .extracting(PlainText.Word::surface)
                .containsExactly("The", "U.S.", "Government's", "3,000,000", "florins", "(", "to-day", ")", "!");
        assertThat(PlainText.words("  a  b")).extracting(PlainText.Word::start).containsExactly(2, 5);
    }

    @Test
    void endsSentencesAtFinalPunctuationBeforeACapital()
    {
        assertThat(sentences("Mr. Speaker, I thank you. We met in 1964. \"Peace,\" he said. Then John F. Kennedy spoke! 2 more? yes. Done"))
                .containsExactly("Mr. Speaker, I thank you.", "We met in 1964.", "\"Peace,\" he said.", "Then John F. Kennedy spoke!", "2 more? yes.", "Done");
        assertThat(sentences("He wept.\" Then he left.")).containsExactly("He wept.\"", "Then he left.");
    }

    @Test
    void annotatesTagsEntitiesAndChunksRoughly()
    {
        Document document = PlainText.document("d", "\"The Congress of the United States met. I saw the new Union.", Addresses.vocabulary());
        Sentence first = document.sentences().get(0);
        assertThat(first.tokens()).extracting(Token::pos).containsExactly(".", "NN", "NNP", "NN", "NN", "NNP", "NNP", "NN", ".");
        assertThat(first.entities()).containsExactly(new Span(2, 3, "PROPER"), new Span(5, 7, "PROPER"));
        // Rough indeed: without verbs to stop it, the second chunk runs on to "met".
        assertThat(first.chunks()).containsExactly(new Span(1, 3, "NP"), new Span(4, 8, "NP"));
        assertThat(document.sentences().get(1).tokens()).extracting(Token::pos).containsExactly("PRP", "NN", "NN", "NN", "NNP", ".");
        assertThat(first.text()).isEqualTo("\"The Congress of the United States met.");
        assertThat(document.sentences().get(1).start()).isEqualTo(40);
    }

    @Test
    void buildsWholeAddressesWithKnownPieces()
    {
        List<Document> documents = Addresses.documents();
        assertThat(documents).extracting(Document::id).containsExactlyElementsOf(Addresses.FILES);
        for (Document document : documents) {
            List<Token> tokens = document.sentences().stream().flatMap(sentence -> sentence.tokens().stream()).toList();
            assertThat(document.sentences()).as("sentences of %s", document.id()).hasSizeGreaterThan(25);
            assertThat(tokens).as("tokens of %s", document.id()).hasSizeGreaterThan(900)
                    .noneMatch(token -> Words.hasSpecialPiece(token, Addresses.vocabulary()))
                    .anyMatch(token -> token.pieceCount() > 1);
            assertThat(document.sentences().stream().mapToInt(sentence -> sentence.entities().size()).sum()).as("entities of %s", document.id()).isGreaterThan(20);
            assertThat(document.sentences().stream().mapToInt(sentence -> sentence.chunks().size()).sum()).as("chunks of %s", document.id()).isGreaterThan(50);
            for (Sentence sentence : document.sentences()) {
                for (Token token : sentence.tokens()) {
                    assertThat(sentence.text().substring(token.start() - sentence.start(), token.end() - sentence.start())).isEqualTo(token.surface());
                }
            }
        }
    }

    private static List<String> sentences(String text)
    {
        return PlainText.sentences(text).stream()
                .map(words -> text.substring(words.get(0).start(), words.get(words.size() - 1).end()))
                .toList();
    }
}
