package org.ernie4j.core.training.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.spi.document.DocumentSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestHeldOutSplit
{
    private static final TestingCorpus CORPUS = TestingCorpus.washington1790(1);

    @Test
    void holdsOutTheRoundedShareOfWholeDocumentsAndKeepsEveryOtherForTraining()
    {
        int size = CORPUS.size();
        assertThat(size).isGreaterThan(20);
        // 15% of the documents, rounded; the two parts are disjoint, cover the corpus and keep corpus order.
        HeldOutSplit split = HeldOutSplit.of(CORPUS, 0.15, 42);
        assertThat(split.heldOut().size()).isEqualTo((int) Math.round(0.15 * size));
        assertThat(split.training().size()).isEqualTo(size - split.heldOut().size());
        List<Integer> heldOut = indices(split.heldOut());
        List<Integer> training = indices(split.training());
        assertThat(heldOut).isSorted().doesNotContainAnyElementsOf(training);
        assertThat(training).isSorted();
        Set<Integer> all = new HashSet<>(heldOut);
        all.addAll(training);
        assertThat(all).hasSize(size);
        assertThat(split.heldOutIds()).hasSize(heldOut.size());
        // A pure function of the seed.
        assertThat(indices(HeldOutSplit.of(CORPUS, 0.15, 42).heldOut())).isEqualTo(heldOut);
        assertThat(indices(HeldOutSplit.of(CORPUS, 0.15, 43).heldOut())).isNotEqualTo(heldOut);
    }

    @Test
    void atLeastOneDocumentIsHeldOutAndAtLeastOneTrainedOn()
    {
        // A share too small to round to one document still holds one out; a share near 1 still leaves one to train on.
        assertThat(HeldOutSplit.of(CORPUS, 0.001, 1).heldOut().size()).isEqualTo(1);
        assertThat(HeldOutSplit.of(CORPUS, 0.999, 1).training().size()).isEqualTo(1);
        // No share, or a single document: nothing is held out.
        assertThat(HeldOutSplit.of(CORPUS, 0, 1).heldOut().size()).isZero();
        TestingCorpus one = TestingCorpus.washington1790(1000);
        assertThat(one.size()).isEqualTo(1);
        assertThat(HeldOutSplit.of(one, 0.5, 1).heldOut().size()).isZero();
        assertThatThrownBy(() -> HeldOutSplit.of(CORPUS, 1.0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.0");
    }

    private static List<Integer> indices(DocumentSource part)
    {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            indices.add(CORPUS.documents().indexOf(part.get(i)));
        }
        return indices;
    }
}
