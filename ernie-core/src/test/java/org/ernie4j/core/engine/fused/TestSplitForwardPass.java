package org.ernie4j.core.engine.fused;

import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.core.finetune.FineTunedModel;
import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forward-only engine given fewer sequences than workers splits the pass within the sequences ((sequence, head) pairs
 * for attention; rows for the rest, or, for short inputs, column bands for the products and rows for the norms). Both
 * ways, its outputs must be those of the same engine unsplit and of the SameDiff graph, on real sentences: one at a time
 * over 2 workers (rows or columns split inside the sequence, 2 heads each), and
 * 2 or 3 sentences of different lengths, padded, over 3 and 4 workers (shares that cut sequences at uneven points, a
 * worker's rows spanning the end of one sequence and the start of the next).
 *
 * <p>Tolerances: the split changes which thread computes a row or a head, and the number of rows in each product, not
 * the arithmetic of an output element, but BLAS picks its kernels (and, unsplit, its threads' shares) by the shape, so
 * the last bits may differ: 1e-5 absolute against the unsplit engine on outputs of order 1 (layer-normed, tanh-pooled),
 * about a hundred float roundings, where a row or head computed from the wrong rows would differ by order 1 (a split
 * pass without its wait after attention differed by 1.7 to 2.7). Against SameDiff, whose operations round in another
 * order, the fused engine's usual 1e-4. Seen when written: at most 1e-6 against either (0 where BLAS ran the same kernels).
 */
class TestSplitForwardPass
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestSplitForwardPass.class);
    private static final double UNSPLIT_TOLERANCE = 1e-5;
    private static final double SAMEDIFF_TOLERANCE = 1e-4;

    private final FineTunedModel model = TestingInferenceModels.classifier(FinetuneKind.SEQUENCE, List.of("a", "b", "c"));
    private final EncoderConfig config = model.encoder().withoutDropout();
    private final List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(1));

    @Test
    void oneSentenceOverTwoWorkers()
    {
        compare(2, List.of(sentences.get(3)), List.of(sentences.get(10)), List.of(sentences.get(0)));
    }

    @Test
    void fewerSentencesThanWorkers()
    {
        compare(3, sentences.subList(4, 6), sentences.subList(20, 22));
        compare(4, sentences.subList(6, 9), sentences.subList(12, 15));
    }

    /** Inputs of at most 32 positions: every product of their passes runs on the weights packed into panels (PanelGemm). */
    @Test
    void shortInputsOnPackedWeights()
    {
        List<String> shortOnes = sentences.stream().filter(text -> TestingInferenceModels.batch(model.vocabulary(), List.of(text)).length() <= 20)
                .limit(3).toList();
        assertThat(shortOnes).hasSize(3);
        compare(2, List.of(shortOnes.get(0)), List.of(shortOnes.get(1)));
        compare(3, shortOnes.subList(0, 2), shortOnes.subList(1, 3));
    }

    @SafeVarargs
    private void compare(int workerCount, List<String>... batches)
    {
        try (Workers workers = new Workers(workerCount);
                SameDiffEngine reference = new SameDiffEngine(config, model.parameters())) {
            FusedEngine byRows = FusedEngine.forwardOnly(config, model.parameters(), workers, true, 1);
            FusedEngine byColumns = FusedEngine.forwardOnly(config, model.parameters(), workers, true, Integer.MAX_VALUE);
            FusedEngine unsplit = FusedEngine.forwardOnly(config, model.parameters(), workers, false);
            for (List<String> texts : batches) {
                compare(byRows, unsplit, reference, texts, workerCount, "split by rows");
                compare(byColumns, unsplit, reference, texts, workerCount, "split by column bands");
            }
        }
    }

    private void compare(FusedEngine split, FusedEngine unsplit, SameDiffEngine reference, List<String> texts, int workerCount, String how)
    {
        TaskHead head = model.head();
        Batch batch = TestingInferenceModels.batch(model.vocabulary(), texts);
        assertThat(batch.size()).isLessThan(workerCount);
        String what = how + ", " + texts.size() + " sentence(s) over " + workerCount + " workers, " + batch.length() + " positions";
        EncoderOutputs actual = split.encode(batch, model.taskId());
        EncoderOutputs expected = unsplit.encode(batch, model.taskId());
        EncoderOutputs graph = reference.encode(batch, model.taskId());
        assertClose(actual.sequence(), expected.sequence(), UNSPLIT_TOLERANCE, "sequence output against unsplit, " + what);
        assertClose(actual.pooled(), expected.pooled(), UNSPLIT_TOLERANCE, "pooled output against unsplit, " + what);
        assertClose(actual.sequence(), graph.sequence(), SAMEDIFF_TOLERANCE, "sequence output against SameDiff, " + what);
        assertClose(actual.pooled(), graph.pooled(), SAMEDIFF_TOLERANCE, "pooled output against SameDiff, " + what);
        // A task's head runs after the split encoder, on the sequences' shards.
        INDArray logits = split.logits(head, batch);
        assertClose(logits, unsplit.logits(head, batch), UNSPLIT_TOLERANCE, "logits against unsplit, " + what);
        assertClose(logits, reference.logits(head, batch), SAMEDIFF_TOLERANCE, "logits against SameDiff, " + what);
        assertThat(split.evaluate(head, batch).predictions()).as("classes answered, " + what)
                .isEqualTo(reference.evaluate(head, batch).predictions());
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance, String what)
    {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double difference = actual.sub(expected).amaxNumber().doubleValue();
        LOG.info("largest difference {}: {}", what, difference);
        assertThat(difference).as("largest difference, " + what).isLessThanOrEqualTo(tolerance);
    }
}
