package org.ernie4j.runner.spark;

import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's loss normaliser is the sum of its labelled items' weights, whatever the kind of head, so that shards' weights
 * add up to the whole batch's.
 */
class TestLossWeights
{
    private static final int IGNORED = TokenLabels.IGNORED;

    @Test
    void sequenceHeadsCountExamplesOrTheirClassWeights()
    {
        Batch batch = Batch.of(List.of(sequence(0), sequence(1), sequence(1)), 0);
        assertThat(LossWeights.of(SequenceClassificationHead.of(2), batch)).isEqualTo(3.0);
        assertThat(LossWeights.of(SequenceClassificationHead.weighted(new float[] {0.5f, 2f}), batch)).isEqualTo(4.5);
    }

    @Test
    void tokenHeadsCountLabelledPositionsOnly()
    {
        Batch batch = Batch.of(List.of(tokens(IGNORED, 1, 0, IGNORED), tokens(IGNORED, 1, IGNORED)), 0);
        assertThat(LossWeights.of(TokenClassificationHead.of(2), batch)).isEqualTo(3.0);
        assertThat(LossWeights.of(TokenClassificationHead.weighted(new float[] {1f, 3f}), batch)).isEqualTo(7.0);
    }

    @Test
    void maskedTokenHeadsCountMaskedPositionsAndShardsAddUp()
    {
        Example many = masked(1, 2, 3);
        Example none = masked();
        Example one = masked(2);
        Batch whole = Batch.of(List.of(many, none, one), 0);
        double first = LossWeights.of(MaskedTokenHead.create(), Batch.of(List.of(many, none), 0, whole.length()));
        double second = LossWeights.of(MaskedTokenHead.create(), Batch.of(List.of(one), 0, whole.length()));
        assertThat(first).isEqualTo(3.0);
        assertThat(second).isEqualTo(1.0);
        assertThat(first + second).isEqualTo(LossWeights.of(MaskedTokenHead.create(), whole));
    }

    private static Example sequence(int label)
    {
        return new Example(new int[] {2, 7, 3}, new int[3], new SequenceLabel(label));
    }

    private static Example tokens(int... labels)
    {
        int[] ids = new int[labels.length];
        java.util.Arrays.fill(ids, 7);
        return new Example(ids, new int[labels.length], new TokenLabels(labels));
    }

    private static Example masked(int... positions)
    {
        int[] originals = new int[positions.length];
        java.util.Arrays.fill(originals, 9);
        return new Example(new int[] {2, 4, 4, 4, 3}, new int[5], new MaskedTokens(positions, originals));
    }
}
