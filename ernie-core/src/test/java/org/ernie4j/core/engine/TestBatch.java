package org.ernie4j.core.engine;

import java.util.List;

import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.Target;
import org.ernie4j.spi.example.TokenLabels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBatch
{
    private static final int PAD = 0;

    private static Example example(Target target, int... ids)
    {
        return new Example(ids, new int[ids.length], target);
    }

    @Test
    void padsToTheLongestExampleInRowMajorOrder()
    {
        Batch batch = Batch.of(List.of(
                example(new SequenceLabel(1), 2, 5, 3),
                new Example(new int[] {2, 5, 3, 6, 3}, new int[] {0, 0, 0, 1, 1}, new SequenceLabel(0))), PAD);
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.length()).isEqualTo(5);
        assertThat(batch.inputIds()).containsExactly(
                2, 5, 3, PAD, PAD,
                2, 5, 3, 6, 3);
        assertThat(batch.segmentIds()).containsExactly(
                0, 0, 0, 0, 0,
                0, 0, 0, 1, 1);
        assertThat(batch.lengths()).containsExactly(3, 5);
        assertThat(batch.tokenCount()).isEqualTo(8);
    }

    @Test
    void padsToAFixedLength()
    {
        Batch batch = Batch.of(List.of(example(new SequenceLabel(0), 2, 3)), 9, 4);
        assertThat(batch.inputIds()).containsExactly(2, 3, 9, 9);
        assertThat(batch.length()).isEqualTo(4);
        assertThatThrownBy(() -> Batch.of(List.of(example(new SequenceLabel(0), 2, 5, 3)), PAD, 2))
                .hasMessage("example 0 has 3 positions, more than 2");
    }

    @Test
    void gathersSequenceLabels()
    {
        Batch batch = Batch.of(List.of(example(new SequenceLabel(2), 2, 3), example(new SequenceLabel(0), 2, 5, 3)), PAD);
        assertThat(batch.targets()).isInstanceOfSatisfying(BatchTargets.SequenceLabels.class,
                labels -> assertThat(labels.labels()).containsExactly(2, 0));
    }

    @Test
    void laysOutTokenLabelsAsAGridIgnoringPadding()
    {
        Batch batch = Batch.of(List.of(
                example(new TokenLabels(new int[] {-1, 1, -1}), 2, 5, 3),
                example(new TokenLabels(new int[] {-1, 0, 1, 1, -1}), 2, 5, 6, 7, 3)), PAD);
        assertThat(batch.targets()).isInstanceOfSatisfying(BatchTargets.TokenLabelGrid.class,
                grid -> assertThat(grid.labels()).containsExactly(
                        -1, 1, -1, -1, -1,
                        -1, 0, 1, 1, -1));
    }

    @Test
    void flattensMaskedPositionsByRow()
    {
        Batch batch = Batch.of(List.of(
                example(new MaskedTokens(new int[] {1, 2}, new int[] {10, 11}), 2, 4, 4, 3),
                example(new MaskedTokens(new int[0], new int[0]), 2, 3),
                example(new MaskedTokens(new int[] {3}, new int[] {12}), 2, 5, 6, 4, 3)), PAD);
        assertThat(batch.length()).isEqualTo(5);
        assertThat(batch.targets()).isInstanceOfSatisfying(BatchTargets.MaskedPositions.class, masked -> {
            assertThat(masked.flatPositions()).containsExactly(1, 2, 2 * 5 + 3);
            assertThat(masked.originalIds()).containsExactly(10, 11, 12);
            assertThat(masked.count()).isEqualTo(3);
        });
    }

    @Test
    void concatenatesCustomRows()
    {
        Batch batch = Batch.of(List.of(
                example(new CustomTarget(new float[] {1, 2}), 2, 3),
                example(new CustomTarget(new float[] {3, 4}), 2, 5, 3)), PAD);
        assertThat(batch.targets()).isInstanceOfSatisfying(BatchTargets.CustomRows.class, rows -> {
            assertThat(rows.values()).containsExactly(1, 2, 3, 4);
            assertThat(rows.width()).isEqualTo(2);
        });
        assertThatThrownBy(() -> Batch.of(List.of(example(new CustomTarget(new float[] {1, 2}), 2, 3), example(new CustomTarget(new float[] {3}), 2, 3)), PAD))
                .hasMessage("custom target of example 1 has width 1, but example 0 has width 2");
    }

    @Test
    void refusesMixedKindsOfTarget()
    {
        assertThatThrownBy(() -> Batch.of(List.of(example(new SequenceLabel(0), 2, 3), example(new TokenLabels(new int[] {-1, -1}), 2, 3)), PAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("example 1 has a TokenLabels target, but example 0 has a SequenceLabel");
    }

    @Test
    void refusesAnEmptyBatch()
    {
        assertThatThrownBy(() -> Batch.of(List.of(), PAD)).hasMessage("a batch needs at least one example");
        assertThatThrownBy(() -> Batch.of(null, PAD)).hasMessage("examples is null");
    }

    @Test
    void returnsCopies()
    {
        Batch batch = Batch.of(List.of(example(new MaskedTokens(new int[] {1}, new int[] {10}), 2, 4, 3)), PAD);
        batch.inputIds()[0] = 99;
        batch.segmentIds()[0] = 99;
        batch.lengths()[0] = 99;
        assertThat(batch.inputIds()).containsExactly(2, 4, 3);
        assertThat(batch.segmentIds()).containsExactly(0, 0, 0);
        assertThat(batch.lengths()).containsExactly(3);
        BatchTargets.MaskedPositions masked = (BatchTargets.MaskedPositions) batch.targets();
        masked.flatPositions()[0] = 99;
        masked.originalIds()[0] = 99;
        assertThat(masked.flatPositions()).containsExactly(1);
        assertThat(masked.originalIds()).containsExactly(10);
        assertThatThrownBy(() -> batch.examples().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void targetRecordsCopyTheirArrays()
    {
        int[] labels = {1, 2};
        BatchTargets.SequenceLabels sequence = new BatchTargets.SequenceLabels(labels);
        labels[0] = 9;
        assertThat(sequence.labels()).containsExactly(1, 2);
        int[] grid = {1, -1};
        BatchTargets.TokenLabelGrid tokenGrid = new BatchTargets.TokenLabelGrid(grid);
        grid[0] = 9;
        assertThat(tokenGrid.labels()).containsExactly(1, -1);
        float[] values = {1f};
        BatchTargets.CustomRows rows = new BatchTargets.CustomRows(values, 1);
        values[0] = 9f;
        assertThat(rows.values()).containsExactly(1f);
        assertThatThrownBy(() -> new BatchTargets.MaskedPositions(new int[] {1, 2}, new int[] {1})).hasMessage("2 positions but 1 ids");
    }
}
