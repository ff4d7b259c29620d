package org.ernie4j.spi.document;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDocument
{
    private static Sentence sentence(int start, int... pieceCounts)
    {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < pieceCounts.length; i++) {
            tokens.add(new Token("w", start + 2 * i, "NN", new int[pieceCounts[i]]));
        }
        return new Sentence("w ".repeat(pieceCounts.length).trim(), start, tokens, List.of(), List.of());
    }

    @Test
    void countsThePiecesOfAllSentences()
    {
        Document document = new Document("d1", "A title", List.of(sentence(0, 1, 2), sentence(10, 3)));
        assertThat(document.pieceCount()).isEqualTo(6);
        assertThat(document.id()).isEqualTo("d1");
        assertThat(document.title()).contains("A title");
        assertThat(document).hasToString("Document[d1, 2 sentences]");
    }

    @Test
    void mayHaveNoTitleAndNoSentences()
    {
        Document document = new Document("empty", null, List.of());
        assertThat(document.title()).isEmpty();
        assertThat(document.pieceCount()).isZero();
    }

    @Test
    void keepsACopyOfItsSentences()
    {
        List<Sentence> sentences = new ArrayList<>(List.of(sentence(0, 1)));
        Document document = new Document("d1", null, sentences);
        sentences.clear();
        assertThat(document.sentences()).hasSize(1);
        assertThatThrownBy(() -> document.sentences().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Document(null, null, List.of())).hasMessage("id is null");
        assertThatThrownBy(() -> new Document("d", null, null)).hasMessage("sentences is null");
    }
}
