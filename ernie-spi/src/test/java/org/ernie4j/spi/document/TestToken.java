package org.ernie4j.spi.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestToken
{
    @Test
    void knowsItsOffsetsAndPieces()
    {
        Token token = new Token("President", 10, "NNP", new int[] {7, 8});
        assertThat(token.surface()).isEqualTo("President");
        assertThat(token.start()).isEqualTo(10);
        assertThat(token.end()).isEqualTo(19);
        assertThat(token.pos()).isEqualTo("NNP");
        assertThat(token.pieceIds()).containsExactly(7, 8);
        assertThat(token.pieceCount()).isEqualTo(2);
        assertThat(token.pieceId(1)).isEqualTo(8);
    }

    @Test
    void copiesPiecesInAndOut()
    {
        int[] pieces = {7, 8};
        Token token = new Token("President", 0, "NNP", pieces);
        pieces[0] = 99;
        token.pieceIds()[1] = 99;
        assertThat(token.pieceIds()).containsExactly(7, 8);
    }

    @Test
    void needsAtLeastOnePiece()
    {
        assertThatThrownBy(() -> new Token("word", 0, "NN", new int[0])).hasMessage("token 'word' has no word pieces");
        assertThatThrownBy(() -> new Token("word", 0, "NN", null)).hasMessage("pieceIds is null");
        assertThatThrownBy(() -> new Token(null, 0, "NN", new int[] {1})).hasMessage("surface is null");
        assertThatThrownBy(() -> new Token("word", 0, null, new int[] {1})).hasMessage("pos is null");
    }
}
