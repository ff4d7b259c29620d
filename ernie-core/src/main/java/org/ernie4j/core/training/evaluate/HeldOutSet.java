package org.ernie4j.core.training.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.support.Seeds;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.baseline.BaselineAccuracy;
import org.ernie4j.spi.baseline.LayoutBaseline;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * A task's fixed evaluation set: examples drawn evenly across the held-out documents ({@link DocumentSample}), in
 * batches, with the document each came from and the baselines they allow. The same at every evaluation (and in every run
 * with the same seed), so that evaluations at different steps compare like with like.
 */
public final class HeldOutSet
{
    private static final long EVALUATION_STREAM = 0x4556414CL;
    private static final long BASELINE_STREAM = 0x42415345L;
    /** Training examples the layout baseline learns from, at least. */
    private static final int BASELINE_EXAMPLES = 2000;

    private final List<Batch> batches;
    private final List<int[]> documentOf;
    private final int examples;
    private final int documents;
    private final int documentSlots;
    private final BaselineAccuracy baseline;

    private HeldOutSet(List<Batch> batches, List<int[]> documentOf, int examples, int documents, int documentSlots, BaselineAccuracy baseline)
    {
        this.batches = List.copyOf(batches);
        this.documentOf = List.copyOf(documentOf);
        this.examples = examples;
        this.documents = documents;
        this.documentSlots = documentSlots;
        this.baseline = requireNonNull(baseline, "baseline is null");
    }

    /**
     * Draws up to {@code wanted} examples of the task from the held-out documents, and learns the layout baseline from as
     * many (at least {@value #BASELINE_EXAMPLES}) drawn the same way from the training documents.
     */
    public static HeldOutSet draw(ActiveTask task, DocumentSource heldOut, DocumentSource training, Vocabulary vocabulary, int wanted,
            int batchSize, int maxLength, long seed)
    {
        long taskSeed = Seeds.mix(seed, task.name());
        DocumentSample sample = DocumentSample.draw(task.labels(), heldOut, wanted, maxLength, taskSeed, EVALUATION_STREAM);
        BaselineAccuracy baseline = BaselineAccuracy.NONE;
        if (!sample.examples().isEmpty() && training.size() > 0) {
            DocumentSample learned = DocumentSample.draw(task.labels(), training, Math.max(wanted, BASELINE_EXAMPLES), maxLength, taskSeed,
                    BASELINE_STREAM);
            baseline = LayoutBaseline.learn(vocabulary, learned.examples()).score(sample.examples());
        }
        List<Batch> batches = new ArrayList<>();
        List<int[]> documentOf = new ArrayList<>();
        int[] documents = sample.documentOf();
        for (int start = 0; start < sample.examples().size(); start += batchSize) {
            int end = Math.min(sample.examples().size(), start + batchSize);
            List<Example> part = sample.examples().subList(start, end);
            batches.add(Batch.of(part, vocabulary.padId()));
            documentOf.add(Arrays.copyOfRange(documents, start, end));
        }
        return new HeldOutSet(batches, documentOf, sample.examples().size(), sample.documents(), heldOut.size(), baseline);
    }

    public List<Batch> batches()
    {
        return batches;
    }

    /** The held-out document (its index in the held-out source) of each example of batch {@code batch}. */
    int[] documentOf(int batch)
    {
        return documentOf.get(batch).clone();
    }

    public boolean isEmpty()
    {
        return batches.isEmpty();
    }

    /** The number of examples. */
    public int examples()
    {
        return examples;
    }

    /** The number of held-out documents that gave examples. */
    public int documents()
    {
        return documents;
    }

    /** The size of the held-out source: document indices are below it. */
    int documentSlots()
    {
        return documentSlots;
    }

    /** The majority and layout-only accuracies on these examples. */
    public BaselineAccuracy baseline()
    {
        return baseline;
    }
}
