package org.ernie4j.core.finetune;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestClassificationMetrics
{
    @Test
    void accuracyMacroF1AndConfusionByHand()
    {
        // gold:      a a a b b c
        // predicted: a a b b c c
        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2}, -1);
        assertThat(metrics.total()).isEqualTo(6);
        assertThat(metrics.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(metrics.confusion()[0]).containsExactly(2, 1, 0);
        assertThat(metrics.confusion()[1]).containsExactly(0, 1, 1);
        assertThat(metrics.confusion()[2]).containsExactly(0, 0, 1);
        // a: p 1, r 2/3, f1 0.8; b: p 1/2, r 1/2, f1 0.5; c: p 1/2, r 1, f1 2/3
        assertThat(metrics.perClass()).extracting(ClassificationMetrics.ClassScore::f1)
                .containsExactly(0.8, 0.5, 2 / 3.0);
        assertThat(metrics.macroF1()).isCloseTo((0.8 + 0.5 + 2 / 3.0) / 3, within(1e-12));
        assertThat(metrics.table()).contains("accuracy 0.6667").contains("macro-F1 0.6556");
        assertThat(metrics.named("macro-f1")).isEqualTo(metrics.macroF1());
        assertThat(metrics.named("accuracy")).isEqualTo(metrics.accuracy());
    }

    @Test
    void microScoresLeaveTheOutsideLabelOut()
    {
        // Token labels: O B O B O, predicted O B B O O; ignored positions (-1) are not counted.
        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("B", "O"), new int[] {1, 0, 1, 0, 1, -1}, new int[] {1, 0, 0, 1, 1, 0}, -1);
        double[] micro = metrics.microExcluding("O");
        assertThat(micro[0]).as("precision").isCloseTo(0.5, within(1e-12));
        assertThat(micro[1]).as("recall").isCloseTo(0.5, within(1e-12));
        assertThat(micro[2]).as("f1").isCloseTo(0.5, within(1e-12));
        assertThat(metrics.total()).isEqualTo(5);
    }
}
