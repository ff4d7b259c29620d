package org.ernie4j.core.training.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ernie4j.core.support.Seeds;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * An endless stream of one task's examples over the corpus, epoch after epoch.
 *
 * <p>Each epoch visits the documents in an order shuffled by (run seed, task, epoch). A number of documents are open
 * at once and give their examples in turn, so that consecutive examples (and so a batch) come from many documents
 * rather than from consecutive windows of one. A document's examples are generated with a random source seeded by
 * (run seed, task, epoch, document), so the whole stream, and any position in it, is a pure function of the seed: a
 * stream continued from a {@link StreamPosition} gives exactly what the uninterrupted stream would have given.
 */
public final class ExampleStream
{
    private final String taskName;
    private final LabelGenerator generator;
    private final DocumentSource documents;
    private final long seed;
    private final int maxLength;
    private final TaskReporter reporter;
    private final int slotCount;

    private long epoch;
    private int[] order;
    private int nextInOrder;
    private int turn;
    private final List<OpenDocument> slots = new ArrayList<>();

    private ExampleStream(Builder builder, StreamPosition position)
    {
        this.taskName = requireNonNull(builder.taskName, "taskName is null");
        this.generator = requireNonNull(builder.generator, "generator is null");
        this.documents = requireNonNull(builder.documents, "documents is null");
        this.reporter = requireNonNull(builder.reporter, "reporter is null");
        this.seed = builder.seed;
        this.maxLength = builder.maxLength;
        this.slotCount = Math.max(1, Math.min(builder.openDocuments, documents.size()));
        if (documents.size() == 0) {
            throw new IllegalArgumentException("task " + taskName + ": the corpus has no documents");
        }
        this.epoch = position.epoch();
        this.order = order(epoch);
        this.nextInOrder = position.nextInOrder();
        this.turn = position.turn();
        for (StreamPosition.Slot slot : position.slots()) {
            OpenDocument open = open(slot.epoch(), slot.document());
            open.taken = slot.taken();
            if (open.taken > open.examples.size()) {
                throw new IllegalStateException("task " + taskName + ": stream position takes " + slot.taken() + " examples from document "
                        + slot.document() + " which has " + open.examples.size() + "; the corpus or the task changed since the checkpoint");
            }
            slots.add(open);
        }
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** The next example; never ends. */
    public Example next()
    {
        fillSlots();
        int index = turn % slots.size();
        OpenDocument slot = slots.get(index);
        Example example = slot.examples.get(slot.taken++);
        if (slot.taken == slot.examples.size()) {
            slots.set(index, openNextWithExamples());
        }
        turn = (index + 1) % slotCount;
        return example;
    }

    /** The position after the last example given out. */
    public StreamPosition position()
    {
        List<StreamPosition.Slot> open = new ArrayList<>();
        for (OpenDocument slot : slots) {
            open.add(new StreamPosition.Slot(slot.epoch, slot.document, slot.taken));
        }
        return new StreamPosition(epoch, nextInOrder, turn, open);
    }

    private void fillSlots()
    {
        while (slots.size() < slotCount) {
            slots.add(openNextWithExamples());
        }
    }

    /** Opens documents in order until one yields an example; fails if a whole epoch's worth yields none. */
    private OpenDocument openNextWithExamples()
    {
        for (int attempts = 0; attempts <= documents.size(); attempts++) {
            if (nextInOrder == order.length) {
                epoch++;
                order = order(epoch);
                nextInOrder = 0;
            }
            OpenDocument open = open(epoch, order[nextInOrder++]);
            if (!open.examples.isEmpty()) {
                return open;
            }
        }
        throw new NoExamplesException("task " + taskName + " produced no example from any of the " + documents.size()
                + " documents of the corpus; see the task's skip counts for why");
    }

    private OpenDocument open(long documentEpoch, int index)
    {
        Document document = documents.get(index);
        SplittableRandom random = Seeds.random(Seeds.mix(seed, taskName), documentEpoch, index);
        List<Example> generated;
        try {
            generated = generator.generate(document, random);
        }
        catch (RuntimeException e) {
            throw new LabelGenerationException(taskName, document.id(), e);
        }
        if (generated == null) {
            throw new IllegalStateException("task " + taskName + " returned null examples for document " + document.id());
        }
        List<Example> usable = new ArrayList<>(generated.size());
        for (Example example : generated) {
            if (example.length() > maxLength) {
                throw new IllegalStateException("task " + taskName + " made an example of " + example.length()
                        + " positions from document " + document.id() + "; the maximum is " + maxLength);
            }
            if (Examples.hasLabels(example)) {
                usable.add(example);
            }
            else {
                reporter.skipped("example without any label");
            }
        }
        return new OpenDocument(documentEpoch, index, usable);
    }

    private int[] order(long orderEpoch)
    {
        int[] permutation = new int[documents.size()];
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = i;
        }
        SplittableRandom random = Seeds.random(Seeds.mix(seed, taskName), -1, orderEpoch);
        for (int i = permutation.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return permutation;
    }

    private static final class OpenDocument
    {
        private final long epoch;
        private final int document;
        private final List<Example> examples;
        private int taken;

        private OpenDocument(long epoch, int document, List<Example> examples)
        {
            this.epoch = epoch;
            this.document = document;
            this.examples = examples;
        }
    }

    /** Collects the stream's parts. */
    public static final class Builder
    {
        private String taskName;
        private LabelGenerator generator;
        private DocumentSource documents;
        private TaskReporter reporter;
        private long seed;
        private int maxLength = Integer.MAX_VALUE;
        private int openDocuments = 32;

        private Builder()
        {
        }

        public Builder task(String taskName, LabelGenerator generator)
        {
            this.taskName = taskName;
            this.generator = generator;
            return this;
        }

        public Builder documents(DocumentSource documents)
        {
            this.documents = documents;
            return this;
        }

        public Builder reporter(TaskReporter reporter)
        {
            this.reporter = reporter;
            return this;
        }

        public Builder seed(long seed)
        {
            this.seed = seed;
            return this;
        }

        public Builder maxLength(int maxLength)
        {
            this.maxLength = maxLength;
            return this;
        }

        /** How many documents give examples in turn; a batch mixes up to this many documents. */
        public Builder openDocuments(int openDocuments)
        {
            this.openDocuments = openDocuments;
            return this;
        }

        public ExampleStream start()
        {
            return new ExampleStream(this, StreamPosition.start());
        }

        public ExampleStream resume(StreamPosition position)
        {
            return new ExampleStream(this, requireNonNull(position, "position is null"));
        }
    }
}
