package org.ernie4j.testkit;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTestingDocumentBuilder
{
    private static final TestingVocabulary VOCABULARY = TestingVocabulary.of(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "i", "visited", "the", "united", "states", ".", "pre", "##sident"));

    @Test
    void buildsSentencesWithConsistentOffsetsPiecesAndSpans()
    {
        Document document = TestingDocumentBuilder.document("d1", VOCABULARY)
                .title("Title")
                .sentence("I visited the United States .")
                .chunk(2, 5, "NP")
                .entity(3, 5, "PROPER")
                .sentence("President 1787")
                .build();
        assertThat(document.id()).isEqualTo("d1");
        assertThat(document.title()).contains("Title");
        Sentence first = document.sentences().get(0);
        assertThat(first.chunks()).containsExactly(new Span(2, 5, "NP"));
        assertThat(first.entities()).containsExactly(new Span(3, 5, "PROPER"));
        for (Token token : first.tokens()) {
            assertThat(first.text().substring(token.start() - first.start(), token.end() - first.start())).isEqualTo(token.surface());
        }
        Sentence second = document.sentences().get(1);
        assertThat(second.start()).isEqualTo(first.end() + 1);
        assertThat(second.tokens().get(0).pieceIds()).containsExactly(11, 12);
        assertThat(second.tokens().get(1).pieceIds()).containsExactly(VOCABULARY.unkId());
        assertThat(second.tokens()).extracting(Token::pos).containsExactly("NNP", "CD");
        assertThat(first.tokens()).extracting(Token::pos).containsExactly("NNP", "NN", "NN", "NNP", "NNP", ".");
    }

    @Test
    void refusesSpansBeforeASentenceAndDoubleSpaces()
    {
        assertThatThrownBy(() -> TestingDocumentBuilder.document("d", VOCABULARY).chunk(0, 1, "NP"))
                .hasMessage("add a sentence before its chunks and entities");
        assertThatThrownBy(() -> TestingDocumentBuilder.document("d", VOCABULARY).sentence("the  states"))
                .hasMessage("words must be separated by single spaces: 'the  states'");
        assertThatThrownBy(() -> TestingDocumentBuilder.document("d", VOCABULARY).sentence("the states").entity(1, 3, "X").build())
                .hasMessage("entity span Span[start=1, end=3, label=X] ends after the sentence's 2 tokens");
    }
}
