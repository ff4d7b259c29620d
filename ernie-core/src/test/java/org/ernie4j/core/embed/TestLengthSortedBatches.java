package org.ernie4j.core.embed;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestLengthSortedBatches
{
    @Test
    void shortestFirstInBatchesOfTheSizeAsked()
    {
        List<int[]> batches = LengthSortedBatches.of(new int[] {9, 3, 40, 3, 12, 5, 7}, 3);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)).containsExactly(1, 3, 5);
        assertThat(batches.get(1)).containsExactly(6, 0, 4);
        assertThat(batches.get(2)).containsExactly(2);
    }

    @Test
    void noInputsNoBatches()
    {
        assertThat(LengthSortedBatches.of(new int[0], 4)).isEmpty();
        assertThatThrownBy(() -> LengthSortedBatches.of(new int[] {1}, 0)).hasMessageContaining("batch size must be positive, not 0");
    }
}
