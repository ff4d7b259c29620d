package org.ernie4j.spi.document;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSentence
{
    private static final List<Token> TOKENS = List.of(
            new Token("The", 20, "DT", new int[] {1}),
            new Token("United", 24, "NNP", new int[] {2}),
            new Token("States", 31, "NNPS", new int[] {3, 4}));

    @Test
    void countsPiecesAndKnowsItsExtent()
    {
        Sentence sentence = new Sentence("The United States", 20, TOKENS, List.of(new Span(0, 3, "NP")), List.of(new Span(1, 3, "PROPER")));
        assertThat(sentence.pieceCount()).isEqualTo(4);
        assertThat(sentence.start()).isEqualTo(20);
        assertThat(sentence.end()).isEqualTo(37);
        assertThat(sentence.chunks()).containsExactly(new Span(0, 3, "NP"));
        assertThat(sentence.entities()).containsExactly(new Span(1, 3, "PROPER"));
        assertThat(sentence).hasToString("The United States");
    }

    @Test
    void rejectsSpansPastTheLastToken()
    {
        assertThatThrownBy(() -> new Sentence("The United States", 20, TOKENS, List.of(new Span(1, 4, "NP")), List.of()))
                .hasMessage("chunk span Span[start=1, end=4, label=NP] ends after the sentence's 3 tokens");
        assertThatThrownBy(() -> new Sentence("The United States", 20, TOKENS, List.of(), List.of(new Span(2, 4, "PROPER"))))
                .hasMessage("entity span Span[start=2, end=4, label=PROPER] ends after the sentence's 3 tokens");
    }

    @Test
    void isImmutable()
    {
        List<Token> tokens = new ArrayList<>(TOKENS);
        Sentence sentence = new Sentence("The United States", 20, tokens, List.of(), List.of());
        tokens.clear();
        assertThat(sentence.tokens()).hasSize(3);
        assertThatThrownBy(() -> sentence.tokens().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sentence.chunks().add(new Span(0, 1, "NP"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
