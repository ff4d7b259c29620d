package org.ernie4j.tasks.structure;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestClassBalance
{
    @Test
    void normalizesWeightsToProbabilities()
    {
        ClassBalance balance = new ClassBalance(new double[] {6, 3, 1});
        assertThat(balance.probability(DistanceLabel.ADJACENT)).isCloseTo(0.6, within(1e-12));
        assertThat(balance.probability(DistanceLabel.SAME_DOCUMENT)).isCloseTo(0.3, within(1e-12));
        assertThat(balance.probability(DistanceLabel.OTHER_DOCUMENT)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void drawsClassesInProportionToTheirWeights()
    {
        ClassBalance balance = new ClassBalance(new double[] {6, 3, 1});
        int draws = 30_000;
        int[] counts = new int[3];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < draws; i++) {
            counts[balance.draw(random).label()]++;
        }
        assertThat((double) counts[0] / draws).isCloseTo(0.6, within(0.012));
        assertThat((double) counts[1] / draws).isCloseTo(0.3, within(0.012));
        assertThat((double) counts[2] / draws).isCloseTo(0.1, within(0.008));
    }

    @Test
    void neverDrawsAClassOfWeightZero()
    {
        SplittableRandom random = new SplittableRandom(3);
        for (double[] weights : new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}}) {
            ClassBalance balance = new ClassBalance(weights);
            for (int i = 0; i < 2000; i++) {
                assertThat(weights[balance.draw(random).label()]).isPositive();
            }
        }
    }

    @Test
    void refusesWeightsThatMakeNoBalance()
    {
        assertThatThrownBy(() -> new ClassBalance(new double[] {1, 1})).hasMessage("2 weights for 3 classes");
        assertThatThrownBy(() -> new ClassBalance(new double[] {0, 0, 0})).hasMessage("weights must not all be zero: [0.0, 0.0, 0.0]");
        assertThatThrownBy(() -> new ClassBalance(new double[] {1, -1, 1})).hasMessage("weights must be finite and non-negative: [1.0, -1.0, 1.0]");
        assertThatThrownBy(() -> new ClassBalance(new double[] {1, Double.NaN, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClassBalance(new double[] {1, Double.POSITIVE_INFINITY, 1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersTheDistanceClassesZeroToTwo()
    {
        assertThat(DistanceLabel.ADJACENT.label()).isZero();
        assertThat(DistanceLabel.SAME_DOCUMENT.label()).isEqualTo(1);
        assertThat(DistanceLabel.OTHER_DOCUMENT.label()).isEqualTo(2);
        assertThat(DistanceLabel.of(2)).isEqualTo(DistanceLabel.OTHER_DOCUMENT);
        assertThatThrownBy(() -> DistanceLabel.of(3)).hasMessage("sentence distance has classes 0 to 2, not 3");
    }
}
