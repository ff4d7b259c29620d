package org.ernie4j.spi.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSpan
{
    @Test
    void coversItsHalfOpenRange()
    {
        Span span = new Span(2, 5, "NP");
        assertThat(span.length()).isEqualTo(3);
        assertThat(span.contains(1)).isFalse();
        assertThat(span.contains(2)).isTrue();
        assertThat(span.contains(4)).isTrue();
        assertThat(span.contains(5)).isFalse();
    }

    @Test
    void rejectsEmptyAndNegativeRanges()
    {
        assertThatThrownBy(() -> new Span(3, 3, "NP")).hasMessage("span [3, 3) is empty or negative");
        assertThatThrownBy(() -> new Span(4, 3, "NP")).hasMessage("span [4, 3) is empty or negative");
        assertThatThrownBy(() -> new Span(-1, 3, "NP")).hasMessage("span [-1, 3) is empty or negative");
        assertThatThrownBy(() -> new Span(0, 1, null)).hasMessage("label is null");
    }
}
