package org.ernie4j.tasks.structure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSegmentCuts
{
    @Test
    void cutsIntoRunsOfWholeSentencesThatCoverTheParagraph()
    {
        SplittableRandom random = new SplittableRandom(1);
        for (int sentences = 1; sentences <= 8; sentences++) {
            for (int segments = 1; segments <= sentences; segments++) {
                int[] bounds = SegmentCuts.choose(sentences, segments, random);
                assertThat(bounds).hasSize(segments + 1).startsWith(0).endsWith(sentences);
                for (int i = 1; i < bounds.length; i++) {
                    assertThat(bounds[i]).as("bounds %s", Arrays.toString(bounds)).isGreaterThan(bounds[i - 1]);
                }
            }
        }
        assertThat(SegmentCuts.choose(4, 4, random)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void drawsEveryChoiceOfBoundariesEquallyOften()
    {
        // 3 segments of 6 sentences: 2 of the 5 boundaries, 10 choices.
        int draws = 20_000;
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < draws; i++) {
            counts.merge(Arrays.toString(SegmentCuts.choose(6, 3, random)), 1, Integer::sum);
        }
        assertThat(counts).hasSize(10);
        double expected = draws / 10.0;
        double sigma = Math.sqrt(draws * 0.1 * 0.9);
        assertThat(counts.values()).allSatisfy(count -> assertThat(Math.abs(count - expected)).isLessThan(4 * sigma));
    }

    @Test
    void refusesMoreSegmentsThanSentences()
    {
        assertThatThrownBy(() -> SegmentCuts.choose(2, 3, new SplittableRandom(1))).hasMessage("cannot cut 2 sentences into 3 segments");
        assertThatThrownBy(() -> SegmentCuts.choose(2, 0, new SplittableRandom(1))).hasMessage("cannot cut 2 sentences into 0 segments");
    }
}
