package org.ernie4j.spi.baseline;

import java.util.List;

import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.Target;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The baselines on inputs built by hand, against accuracies worked out by hand. Ids: [PAD] 0, [UNK] 1, [CLS] 2,
 * [SEP] 3, [MASK] 4, a 5, b 6, c 7.
 */
class TestLayoutBaseline
{
    private static final TestingVocabulary VOCABULARY = TestingVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "c"));
    private static final int CLS = 2;
    private static final int SEP = 3;
    private static final int MASK = 4;
    private static final int A = 5;
    private static final int B = 6;
    private static final int C = 7;

    @Test
    void describesTheLayoutWithoutTheWords()
    {
        InputLayout layout = new InputLayout(VOCABULARY);
        Example pair = example(new int[] {CLS, A, SEP, B, C, SEP}, new int[] {0, 0, 0, 1, 1, 1}, new SequenceLabel(0));
        assertThat(layout.structure(pair)).isEqualTo("[CLS] w [SEP] | w [SEP]");
        assertThat(layout.structureWithLengths(pair)).isEqualTo("[CLS] w0 [SEP] | w1 [SEP]");
        Example long4 = example(new int[] {CLS, A, B, C, A, SEP}, new int[] {0, 0, 0, 0, 0, 0}, new SequenceLabel(0));
        assertThat(layout.structureWithLengths(long4)).isEqualTo("[CLS] w2 [SEP]");
        // [UNK] stands for a word: it is text, not structure.
        Example unknown = example(new int[] {CLS, 1, A, SEP}, new int[] {0, 0, 0, 0}, new SequenceLabel(0));
        assertThat(layout.structure(unknown)).isEqualTo("[CLS] w [SEP]");
        assertThat(layout.neighbours(pair, 3)).isEqualTo("[SEP] w w");
        assertThat(layout.neighbours(pair, 0)).isEqualTo("^ [CLS] w");
        assertThat(layout.place(pair, 3)).isEqualTo("[SEP] w w segment 1 from start 0 to special 1");
        assertThat(layout.place(pair, 4)).isEqualTo("w w [SEP] segment 1 from start 1 to special 0");
    }

    @Test
    void sequenceLabelsThatTheNumberOfSegmentsTellsAreFoundAndUnseenLayoutsGetTheMajority()
    {
        List<Example> training = List.of(twoSegments(0), twoSegments(0), twoSegments(0), twoSegments(1), threeSegments(2), threeSegments(2));
        List<Example> heldOut = List.of(twoSegments(0), twoSegments(0), threeSegments(2), threeSegments(2), twoSegments(1), fourSegments(0));

        BaselineAccuracy baseline = LayoutBaseline.learn(VOCABULARY, training).score(heldOut);

        // Held-out labels 0, 0, 2, 2, 1, 0: the most frequent (0) is right 3 times in 6.
        assertThat(baseline.items()).isEqualTo(6);
        assertThat(baseline.majority()).isCloseTo(0.5, within(1e-12));
        // Two segments -> 0 and three -> 2 (learned); four segments were never seen -> the training majority, 0. Wrong only
        // on the two-segment example of class 1: 5 of 6.
        assertThat(baseline.layout()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(baseline.best()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void tokenLabelsAreJudgedByTheirNeighboursAndTheirPlace()
    {
        // Training: "[CLS] a b [SEP]" with the first word labelled 1 and the second 0, twice: "[CLS] w w" -> 1, "w w [SEP]" -> 0.
        Example learned = example(new int[] {CLS, A, B, SEP}, new int[] {0, 0, 0, 0}, new TokenLabels(new int[] {-1, 1, 0, -1}));
        // Held-out: "[CLS] b a c [SEP]" labelled 1, 0, 1.
        Example scored = example(new int[] {CLS, B, A, C, SEP}, new int[] {0, 0, 0, 0, 0}, new TokenLabels(new int[] {-1, 1, 0, 1, -1}));

        BaselineAccuracy baseline = LayoutBaseline.learn(VOCABULARY, List.of(learned, learned)).score(List.of(scored));

        assertThat(baseline.items()).isEqualTo(3);
        // Labels 1, 0, 1: the majority (1) is right twice.
        assertThat(baseline.majority()).isCloseTo(2.0 / 3, within(1e-12));
        // Neighbours: "[CLS] w w" -> 1 (right), "w w w" unseen -> the training majority, 0 of the tie 0/1 (right),
        // "w w [SEP]" -> 0 (wrong): 2 of 3. Places are all unseen (other distances) -> 0 everywhere: 1 of 3. Best: 2/3.
        assertThat(baseline.layout()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void maskedTokensAreItemsLabelledWithTheirOriginalPiece()
    {
        Example learned = example(new int[] {CLS, MASK, B, SEP}, new int[] {0, 0, 0, 0}, new MaskedTokens(new int[] {1}, new int[] {A}));
        Example scored = example(new int[] {CLS, MASK, MASK, SEP}, new int[] {0, 0, 0, 0}, new MaskedTokens(new int[] {1, 2}, new int[] {A, C}));

        BaselineAccuracy baseline = LayoutBaseline.learn(VOCABULARY, List.of(learned)).score(List.of(scored));

        assertThat(baseline.items()).isEqualTo(2);
        assertThat(baseline.majority()).isCloseTo(0.5, within(1e-12));
        // Every description either was seen with a or is unseen (-> a, the only label learned): a is right once.
        assertThat(baseline.layout()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void examplesWithoutLabelsGiveNoBaseline()
    {
        Example custom = example(new int[] {CLS, A, SEP}, new int[] {0, 0, 0}, new CustomTarget(new float[] {1f}));
        BaselineAccuracy baseline = LayoutBaseline.learn(VOCABULARY, List.of(custom)).score(List.of(custom));
        assertThat(baseline).isEqualTo(BaselineAccuracy.NONE);
        assertThat(baseline.best()).isNaN();
        assertThat(new BaselineAccuracy(10, 0.6, Double.NaN).best()).isEqualTo(0.6);
        assertThat(new BaselineAccuracy(10, 0.6, 0.7).best()).isEqualTo(0.7);
    }

    private static Example twoSegments(int label)
    {
        return example(new int[] {CLS, A, SEP, B, SEP}, new int[] {0, 0, 0, 1, 1}, new SequenceLabel(label));
    }

    private static Example threeSegments(int label)
    {
        return example(new int[] {CLS, A, SEP, B, SEP, C, SEP}, new int[] {0, 0, 0, 1, 1, 1, 1}, new SequenceLabel(label));
    }

    private static Example fourSegments(int label)
    {
        return example(new int[] {CLS, A, SEP, B, SEP, C, SEP, A, SEP}, new int[] {0, 0, 0, 1, 1, 1, 1, 1, 1}, new SequenceLabel(label));
    }

    private static Example example(int[] ids, int[] segments, Target target)
    {
        return new Example(ids, segments, target);
    }
}
