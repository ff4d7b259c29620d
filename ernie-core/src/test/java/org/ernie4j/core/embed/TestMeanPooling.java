package org.ernie4j.core.embed;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestMeanPooling
{
    // Two examples of three positions, hidden 2; the second has two pieces and one padding position of large values.
    private final INDArray sequence = Nd4j.create(new float[] {
            1, 2, 3, 4, 5, 6,
            3, 0, 1, 4, 100, -100}, new long[] {2, 3, 2}, 'c');

    @Test
    void averagesTheRealPiecesOnly()
    {
        assertThat(MeanPooling.of(sequence, 0, 3, false)).containsExactly(3f, 4f);
        assertThat(MeanPooling.of(sequence, 1, 2, false)).containsExactly(2f, 2f);
    }

    @Test
    void normalisesToLengthOne()
    {
        float[] normalized = MeanPooling.of(sequence, 0, 3, true);
        assertThat(normalized[0]).isCloseTo(0.6f, within(1e-7f));
        assertThat(normalized[1]).isCloseTo(0.8f, within(1e-7f));
        assertThat(MeanPooling.of(Nd4j.zeros(1, 1, 2), 0, 1, true)).as("a zero vector stays zero").containsExactly(0f, 0f);
    }

    @Test
    void refusesMorePiecesThanPositions()
    {
        assertThatThrownBy(() -> MeanPooling.of(sequence, 0, 4, false)).hasMessageContaining("cannot have 4 pieces");
        assertThatThrownBy(() -> MeanPooling.of(sequence, 0, 0, false)).hasMessageContaining("cannot have 0 pieces");
    }
}
