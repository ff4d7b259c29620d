package org.ernie4j.spi.example;

import java.util.List;

import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInputBuilder
{
    // [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 [MASK]=4
    private static final TestingVocabulary VOCABULARY = TestingVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat"));

    @Test
    void startsWithClsInSegmentZero()
    {
        InputBuilder input = InputBuilder.start(VOCABULARY, 8);
        assertThat(input.ids()).containsExactly(2);
        assertThat(input.segmentIds()).containsExactly(0);
        assertThat(input.length()).isEqualTo(1);
        assertThat(input.remaining()).isEqualTo(7);
    }

    @Test
    void buildsAPairOfSegments()
    {
        Example example = InputBuilder.start(VOCABULARY, 16)
                .addAll(new int[] {5, 6}).separator()
                .nextSegment().add(7).separator()
                .build(new SequenceLabel(1));
        assertThat(example.inputIds()).containsExactly(2, 5, 6, 3, 7, 3);
        assertThat(example.segmentIds()).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(example.target()).isEqualTo(new SequenceLabel(1));
    }

    @Test
    void growsPastItsInitialCapacityUpToTheMaximum()
    {
        InputBuilder input = InputBuilder.start(VOCABULARY, 200);
        for (int i = 0; i < 198; i++) {
            input.add(5 + i % 3);
        }
        input.separator();
        assertThat(input.length()).isEqualTo(200);
        assertThat(input.remaining()).isZero();
        assertThat(input.ids()).hasSize(200).startsWith(2, 5, 6, 7).endsWith(3);
        assertThatThrownBy(() -> input.add(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("input is full at 200 pieces");
    }

    @Test
    void refusesPiecesThatDoNotFitWithoutAddingAny()
    {
        InputBuilder input = InputBuilder.start(VOCABULARY, 4).add(5);
        assertThatThrownBy(() -> input.addAll(new int[] {5, 6, 7}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("3 pieces do not fit; 2 places remain of 4");
        assertThat(input.length()).isEqualTo(2);
    }

    @Test
    void needsRoomForClsAndSep()
    {
        assertThatThrownBy(() -> InputBuilder.start(VOCABULARY, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLength must leave room for [CLS] and [SEP]: 1");
        assertThat(InputBuilder.start(VOCABULARY, 2).separator().ids()).containsExactly(2, 3);
        assertThatThrownBy(() -> InputBuilder.start(null, 8)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void replacesAPieceAlreadyAdded()
    {
        InputBuilder input = InputBuilder.start(VOCABULARY, 8).addAll(new int[] {5, 6, 7});
        input.set(2, VOCABULARY.maskId());
        assertThat(input.idAt(2)).isEqualTo(4);
        assertThat(input.ids()).containsExactly(2, 5, 4, 7);
        assertThatThrownBy(() -> input.set(4, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> input.idAt(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void returnsCopies()
    {
        InputBuilder input = InputBuilder.start(VOCABULARY, 8).add(5);
        input.ids()[1] = 99;
        input.segmentIds()[1] = 99;
        assertThat(input.ids()).containsExactly(2, 5);
        assertThat(input.segmentIds()).containsExactly(0, 0);
    }

    @Test
    void buildsIndependentExamples()
    {
        InputBuilder input = InputBuilder.start(VOCABULARY, 8).add(5).separator();
        Example first = input.build(new SequenceLabel(0));
        input.set(1, 6);
        assertThat(first.inputIds()).containsExactly(2, 5, 3);
        assertThat(input.build(new SequenceLabel(0)).inputIds()).containsExactly(2, 6, 3);
    }
}
