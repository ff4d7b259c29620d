package org.ernie4j.spi.example;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestExample
{
    @Test
    void holdsInputAndTarget()
    {
        Example example = new Example(new int[] {2, 5, 3}, new int[] {0, 0, 0}, new SequenceLabel(1));
        assertThat(example.length()).isEqualTo(3);
        assertThat(example.inputId(1)).isEqualTo(5);
        assertThat(example.segmentId(2)).isZero();
        assertThat(example.target()).isEqualTo(new SequenceLabel(1));
    }

    @Test
    void validatesItsShape()
    {
        assertThatThrownBy(() -> new Example(new int[0], new int[0], new SequenceLabel(0)))
                .hasMessage("an example needs at least one input token");
        assertThatThrownBy(() -> new Example(new int[] {2, 3}, new int[] {0}, new SequenceLabel(0)))
                .hasMessage("2 input ids but 1 segment ids");
        assertThatThrownBy(() -> new Example(new int[] {2, 3}, new int[] {0, 0}, new TokenLabels(new int[] {-1, 1, -1})))
                .hasMessage("2 input ids but 3 token labels");
        assertThatThrownBy(() -> new Example(new int[] {2, 5, 3}, new int[] {0, 0, 0}, new MaskedTokens(new int[] {1, 3}, new int[] {5, 5})))
                .hasMessage("masked position 3 is outside the input of length 3");
        assertThatThrownBy(() -> new Example(null, new int[0], new SequenceLabel(0))).hasMessage("inputIds is null");
        assertThatThrownBy(() -> new Example(new int[0], null, new SequenceLabel(0))).hasMessage("segmentIds is null");
        assertThatThrownBy(() -> new Example(new int[] {2}, new int[] {0}, null)).hasMessage("target is null");
    }

    @Test
    void acceptsAMaskedTargetWithNothingMasked()
    {
        Example example = new Example(new int[] {2, 3}, new int[] {0, 0}, new MaskedTokens(new int[0], new int[0]));
        assertThat(((MaskedTokens) example.target()).count()).isZero();
    }

    @Test
    void copiesArraysInAndOut()
    {
        int[] ids = {2, 5, 3};
        int[] segments = {0, 0, 0};
        Example example = new Example(ids, segments, new SequenceLabel(0));
        ids[1] = 99;
        segments[1] = 1;
        example.inputIds()[1] = 98;
        example.segmentIds()[1] = 1;
        assertThat(example.inputIds()).containsExactly(2, 5, 3);
        assertThat(example.segmentIds()).containsExactly(0, 0, 0);
    }

    @Test
    void isEqualByValue()
    {
        Example example = new Example(new int[] {2, 5, 3}, new int[] {0, 0, 0}, new MaskedTokens(new int[] {1}, new int[] {5}));
        Example same = new Example(new int[] {2, 5, 3}, new int[] {0, 0, 0}, new MaskedTokens(new int[] {1}, new int[] {5}));
        assertThat(example).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(example).isNotEqualTo(new Example(new int[] {2, 5, 3}, new int[] {0, 0, 1}, new MaskedTokens(new int[] {1}, new int[] {5})));
        assertThat(example).isNotEqualTo(new Example(new int[] {2, 5, 3}, new int[] {0, 0, 0}, new MaskedTokens(new int[] {1}, new int[] {6})));
        assertThat(example).isNotEqualTo(new Example(new int[] {2, 4, 3}, new int[] {0, 0, 0}, new MaskedTokens(new int[] {1}, new int[] {5})));
    }
}
