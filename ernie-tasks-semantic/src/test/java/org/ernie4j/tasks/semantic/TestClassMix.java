package org.ernie4j.tasks.semantic;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestClassMix
{
    @Test
    void aShareAboveEveryClassKeepsEverything()
    {
        ClassMix mix = ClassMix.capped(counts(30, 30, 40), 0.4);
        assertThat(mix.thins()).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(mix.keep(i)).isEqualTo(1.0);
        }
        assertThat(ClassMix.keepAll(3).thins()).isFalse();
    }

    @Test
    void thinsOneDominantClassToTheShare()
    {
        ClassMix mix = ClassMix.capped(counts(60, 30, 10), 0.5);
        // 40 of 60 kept: 40 / (40 + 30 + 10) = 0.5.
        assertThat(mix.keep(0)).isCloseTo(40.0 / 60, within(1e-12));
        assertThat(mix.keep(1)).isEqualTo(1.0);
        assertThat(mix.keep(2)).isEqualTo(1.0);
        assertThat(expectedShares(mix, 60, 30, 10)).containsExactly(new double[] {0.5, 0.375, 0.125}, within(1e-12));
    }

    @Test
    void thinsSeveralClassesToACommonCount()
    {
        // Real proportions: on seven State of the Union addresses, 'but' alone makes more than half of the markers.
        long[] found = {34, 3, 8, 0, 0, 3, 11, 1, 0, 0, 1};
        ClassMix mix = ClassMix.capped(counts(found), 0.25);
        double[] shares = expectedShares(mix, found);
        assertThat(shares[0]).isCloseTo(0.25, within(1e-12));
        assertThat(shares[6]).isCloseTo(0.25, within(1e-12));
        assertThat(shares[2]).isCloseTo(0.25, within(1e-12));
        assertThat(mix.keep(0)).isCloseTo(8.0 / 34, within(1e-12));
        assertThat(mix.keep(1)).isEqualTo(1.0);
        assertThat(mix.keep(3)).as("a class not found keeps everything").isEqualTo(1.0);
    }

    @Test
    void aShareThatCannotBeMetMakesTheClassesFoundEquallyFrequent()
    {
        ClassMix mix = ClassMix.capped(counts(50, 20, 10, 0), 0.2);
        assertThat(expectedShares(mix, 50, 20, 10, 0)).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, within(1e-12));
    }

    @Test
    void aShareOfOneOrNoCountsKeepsEverything()
    {
        assertThat(ClassMix.capped(counts(90, 10), 1.0).thins()).isFalse();
        assertThat(ClassMix.capped(counts(0, 0), 0.5).thins()).isFalse();
        assertThatThrownBy(() -> ClassMix.capped(counts(1, 1), 0)).hasMessageContaining("(0, 1]");
    }

    @Test
    void balancedWeightsMakeEveryClassWeighTheSameAndAverageOne()
    {
        ClassMix mix = ClassMix.capped(counts(60, 30, 10, 0), 0.5);
        float[] weights = mix.balancedWeights();
        double[] expected = {40, 30, 10, 0};
        double total = 80;
        for (int i = 0; i < 3; i++) {
            assertThat(expected[i] * weights[i]).as("class %d weighs a third", i).isCloseTo(total / 3, within(1e-4));
        }
        assertThat(weights[3]).as("a class not found weighs as the rarest found").isEqualTo(weights[2]);
        double average = (expected[0] * weights[0] + expected[1] * weights[1] + expected[2] * weights[2]) / total;
        assertThat(average).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void weightsAreOneWhenNoClassWasFound()
    {
        assertThat(ClassMix.capped(counts(0, 0, 0), 0.5).balancedWeights()).containsExactly(1f, 1f, 1f);
    }

    private static double[] expectedShares(ClassMix mix, long... found)
    {
        double[] kept = new double[found.length];
        double total = 0;
        for (int i = 0; i < found.length; i++) {
            kept[i] = found[i] * mix.keep(i);
            total += kept[i];
        }
        for (int i = 0; i < found.length; i++) {
            kept[i] /= total;
        }
        return kept;
    }

    private static RelationCounts counts(long... found)
    {
        List<String> classes = java.util.stream.IntStream.range(0, found.length).mapToObj(i -> "c" + i).toList();
        return new RelationCounts(classes, found, new long[found.length], 1000);
    }
}
