package org.ernie4j.core.training.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.ernie4j.core.support.Seeds;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;

import static java.util.Objects.requireNonNull;

/**
 * Splits a corpus into documents to train on and documents held out for evaluation. Whole documents are held out, so
 * no held-out sentence was ever trained on; which ones is a pure function of the seed.
 */
public final class HeldOutSplit
{
    private static final long SPLIT_STREAM = 0x484F4C44L;

    private final DocumentSource training;
    private final DocumentSource heldOut;

    private HeldOutSplit(DocumentSource training, DocumentSource heldOut)
    {
        this.training = training;
        this.heldOut = heldOut;
    }

    /**
     * Holds out {@code share} of the documents, at least one when the share is positive and at least one document stays
     * for training.
     */
    public static HeldOutSplit of(DocumentSource documents, double share, long seed)
    {
        requireNonNull(documents, "documents is null");
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("held-out share " + share + " is not in [0, 1)");
        }
        int size = documents.size();
        int heldOutCount = share == 0 || size < 2 ? 0 : (int) Math.max(1, Math.min(size - 1, Math.round(share * size)));
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = Seeds.random(seed, SPLIT_STREAM);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] heldOut = Arrays.copyOf(order, heldOutCount);
        int[] training = Arrays.copyOfRange(order, heldOutCount, size);
        Arrays.sort(heldOut);
        Arrays.sort(training);
        return new HeldOutSplit(new Subset(documents, training), new Subset(documents, heldOut));
    }

    /** The documents to train on, in corpus order. */
    public DocumentSource training()
    {
        return training;
    }

    /** The held-out documents, in corpus order; empty when evaluation is off. */
    public DocumentSource heldOut()
    {
        return heldOut;
    }

    /** The ids of the held-out documents. */
    public List<String> heldOutIds()
    {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            ids.add(heldOut.get(i).id());
        }
        return ids;
    }

    private record Subset(DocumentSource documents, int[] indices)
            implements DocumentSource
    {
        @Override
        public int size()
        {
            return indices.length;
        }

        @Override
        public Document get(int index)
        {
            return documents.get(indices[index]);
        }
    }
}
