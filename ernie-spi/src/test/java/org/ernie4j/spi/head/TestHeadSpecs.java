package org.ernie4j.spi.head;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standard heads: {@link SequenceClassificationHead}, {@link TokenClassificationHead} and {@link MaskedTokenHead}.
 */
class TestHeadSpecs
{
    @Test
    void classificationHeadsNeedTwoClasses()
    {
        assertThat(SequenceClassificationHead.of(3).numClasses()).isEqualTo(3);
        assertThat(TokenClassificationHead.of(2).numClasses()).isEqualTo(2);
        assertThatThrownBy(() -> SequenceClassificationHead.of(1)).hasMessage("a classification head needs at least 2 classes, not 1");
        assertThatThrownBy(() -> TokenClassificationHead.of(0)).hasMessage("a classification head needs at least 2 classes, not 0");
    }

    @Test
    void unweightedHeadsHaveNoWeights()
    {
        assertThat(SequenceClassificationHead.of(3).classWeights()).isEmpty();
        assertThat(TokenClassificationHead.of(3).classWeights()).isEmpty();
        assertThat(SequenceClassificationHead.of(3)).hasToString("sequence classification, 3 classes");
        assertThat(TokenClassificationHead.of(2)).hasToString("token classification, 2 classes");
    }

    @Test
    void weightedHeadsCountClassesFromTheirWeights()
    {
        SequenceClassificationHead sequence = SequenceClassificationHead.weighted(new float[] {1f, 2f, 0.5f});
        assertThat(sequence.numClasses()).isEqualTo(3);
        assertThat(sequence.classWeights()).hasValueSatisfying(weights -> assertThat(weights).containsExactly(1f, 2f, 0.5f));
        assertThat(sequence).hasToString("sequence classification, 3 classes, weights [1.0, 2.0, 0.5]");
        TokenClassificationHead tokens = TokenClassificationHead.weighted(new float[] {0f, 1f});
        assertThat(tokens.classWeights()).hasValueSatisfying(weights -> assertThat(weights).containsExactly(0f, 1f));
    }

    @Test
    void weightsMustBeFiniteAndNonNegative()
    {
        assertThatThrownBy(() -> SequenceClassificationHead.weighted(new float[] {1f, -1f}))
                .hasMessage("class weight 1 is -1.0; weights must be finite and >= 0");
        assertThatThrownBy(() -> TokenClassificationHead.weighted(new float[] {Float.NaN, 1f}))
                .hasMessage("class weight 0 is NaN; weights must be finite and >= 0");
        assertThatThrownBy(() -> TokenClassificationHead.weighted(new float[] {1f, Float.POSITIVE_INFINITY}))
                .hasMessage("class weight 1 is Infinity; weights must be finite and >= 0");
        assertThatThrownBy(() -> SequenceClassificationHead.weighted(new float[] {1f}))
                .hasMessage("a classification head needs at least 2 classes, not 1");
    }

    @Test
    void weightsAreCopiedInAndOut()
    {
        float[] weights = {1f, 2f};
        SequenceClassificationHead head = SequenceClassificationHead.weighted(weights);
        weights[0] = 9f;
        head.classWeights().orElseThrow()[1] = 9f;
        assertThat(head.classWeights()).hasValueSatisfying(copy -> assertThat(copy).containsExactly(1f, 2f));
    }

    @Test
    void maskedTokenHeadIsASingleValue()
    {
        assertThat(MaskedTokenHead.create()).isSameAs(MaskedTokenHead.create());
        assertThat(MaskedTokenHead.create()).hasToString("masked-token prediction over the vocabulary");
    }
}
