package org.ernie4j.spi.example;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four kinds of {@link Target}.
 */
class TestTargets
{
    @Test
    void sequenceLabelIsANonNegativeClass()
    {
        assertThat(new SequenceLabel(0).label()).isZero();
        assertThatThrownBy(() -> new SequenceLabel(-1)).hasMessage("label is negative: -1");
    }

    @Test
    void tokenLabelsCountLabelledPositions()
    {
        TokenLabels labels = new TokenLabels(new int[] {TokenLabels.IGNORED, 1, 0, TokenLabels.IGNORED});
        assertThat(labels.length()).isEqualTo(4);
        assertThat(labels.labelledCount()).isEqualTo(2);
        assertThat(labels.label(1)).isEqualTo(1);
        assertThat(labels).isEqualTo(new TokenLabels(new int[] {-1, 1, 0, -1})).hasSameHashCodeAs(new TokenLabels(new int[] {-1, 1, 0, -1}));
        assertThatThrownBy(() -> new TokenLabels(new int[] {0, -2})).hasMessage("label at position 1 is -2");
        assertThatThrownBy(() -> new TokenLabels(null)).hasMessage("labels is null");
    }

    @Test
    void tokenLabelsAreCopied()
    {
        int[] values = {-1, 1};
        TokenLabels labels = new TokenLabels(values);
        values[1] = 0;
        labels.labels()[1] = 0;
        assertThat(labels.labels()).containsExactly(-1, 1);
    }

    @Test
    void maskedTokensPairPositionsWithOriginalIds()
    {
        MaskedTokens masked = new MaskedTokens(new int[] {1, 4}, new int[] {7, 9});
        assertThat(masked.count()).isEqualTo(2);
        assertThat(masked.position(1)).isEqualTo(4);
        assertThat(masked.originalId(0)).isEqualTo(7);
        assertThat(masked).isEqualTo(new MaskedTokens(new int[] {1, 4}, new int[] {7, 9}))
                .hasSameHashCodeAs(new MaskedTokens(new int[] {1, 4}, new int[] {7, 9}))
                .isNotEqualTo(new MaskedTokens(new int[] {1, 4}, new int[] {7, 8}));
    }

    @Test
    void maskedTokensValidatePositionsAndIds()
    {
        assertThatThrownBy(() -> new MaskedTokens(new int[] {1, 2}, new int[] {7})).hasMessage("2 positions but 1 original ids");
        assertThatThrownBy(() -> new MaskedTokens(new int[] {3, 2}, new int[] {7, 7}))
                .hasMessage("positions must be non-negative and strictly increasing: [3, 2]");
        assertThatThrownBy(() -> new MaskedTokens(new int[] {2, 2}, new int[] {7, 7}))
                .hasMessage("positions must be non-negative and strictly increasing: [2, 2]");
        assertThatThrownBy(() -> new MaskedTokens(new int[] {-1}, new int[] {7}))
                .hasMessage("positions must be non-negative and strictly increasing: [-1]");
        assertThatThrownBy(() -> new MaskedTokens(new int[] {1}, new int[] {-3})).hasMessage("original id at 1 is negative");
    }

    @Test
    void maskedTokensAreCopied()
    {
        int[] positions = {1, 2};
        int[] ids = {7, 8};
        MaskedTokens masked = new MaskedTokens(positions, ids);
        positions[0] = 0;
        ids[0] = 0;
        masked.positions()[1] = 5;
        masked.originalIds()[1] = 5;
        assertThat(masked.positions()).containsExactly(1, 2);
        assertThat(masked.originalIds()).containsExactly(7, 8);
    }

    @Test
    void customTargetsAreCopiedRows()
    {
        float[] values = {0.5f, 1f};
        CustomTarget target = new CustomTarget(values);
        values[0] = 9f;
        target.values()[1] = 9f;
        assertThat(target.values()).containsExactly(0.5f, 1f);
        assertThat(target.width()).isEqualTo(2);
        assertThat(target).isEqualTo(new CustomTarget(new float[] {0.5f, 1f}));
        assertThatThrownBy(() -> new CustomTarget(null)).hasMessage("values is null");
    }
}
