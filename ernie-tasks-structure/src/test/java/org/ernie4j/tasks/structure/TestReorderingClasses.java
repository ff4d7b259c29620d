package org.ernie4j.tasks.structure;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestReorderingClasses
{
    @Test
    void hasTheSumOfFactorialsAsClassCount()
    {
        assertThat(ReorderingClasses.classCount(1)).isEqualTo(1);
        assertThat(ReorderingClasses.classCount(2)).isEqualTo(3);
        assertThat(ReorderingClasses.classCount(3)).isEqualTo(9);
        assertThat(ReorderingClasses.classCount(4)).isEqualTo(33);
        assertThat(ReorderingClasses.classCount(5)).isEqualTo(153);
    }

    @Test
    void numbersClassesBySegmentCountThenInLexicographicOrder()
    {
        // The table of the class Javadoc.
        int[][] expected = {{0}, {0, 1}, {1, 0}, {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int label = 0; label < expected.length; label++) {
            assertThat(ReorderingClasses.orderOf(label)).as("class %d", label).containsExactly(expected[label]);
            assertThat(ReorderingClasses.classOf(expected[label])).isEqualTo(label);
            assertThat(ReorderingClasses.segmentCount(label)).isEqualTo(expected[label].length);
        }
        assertThat(ReorderingClasses.orderOf(9)).containsExactly(0, 1, 2, 3);
        assertThat(ReorderingClasses.orderOf(32)).containsExactly(3, 2, 1, 0);
        assertThat(ReorderingClasses.orderOf(33)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void decodesEveryClassToADistinctOrderAndBack()
    {
        Set<String> orders = new HashSet<>();
        for (int label = 0; label < ReorderingClasses.classCount(6); label++) {
            int[] order = ReorderingClasses.orderOf(label);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertThat(sorted).as("segments of class %d", label).containsExactly(IntStream.range(0, order.length).toArray());
            assertThat(ReorderingClasses.classOf(order)).isEqualTo(label);
            assertThat(orders.add(Arrays.toString(order))).as("class %d repeats an order", label).isTrue();
        }
        assertThat(orders).hasSize(873);
    }

    @Test
    void refusesWhatIsNoOrder()
    {
        assertThatThrownBy(() -> ReorderingClasses.classOf(new int[0])).hasMessage("segment count must be between 1 and 12, not 0");
        assertThatThrownBy(() -> ReorderingClasses.classOf(new int[] {0, 0})).hasMessage("not an order of 2 segments: [0, 0]");
        assertThatThrownBy(() -> ReorderingClasses.classOf(new int[] {1, 2})).hasMessage("not an order of 2 segments: [1, 2]");
        assertThatThrownBy(() -> ReorderingClasses.orderOf(-1)).hasMessage("class index is negative: -1");
        assertThatThrownBy(() -> ReorderingClasses.classCount(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
