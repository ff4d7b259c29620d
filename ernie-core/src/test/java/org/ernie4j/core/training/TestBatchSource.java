package org.ernie4j.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.data.ExampleStream;
import org.ernie4j.core.training.data.HeldOutSplit;
import org.ernie4j.core.training.data.LabelGenerationException;
import org.ernie4j.core.training.data.StreamPosition;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBatchSource
{
    private static final int BATCH = 4;
    private static final int LENGTH = 48;

    private final TestingCorpus corpus = TestingCorpus.washington1790(3);

    @Test
    void batchesBuiltAheadAreTheBatchesBuiltWhenNeeded()
    {
        ActiveTask task = activate(new TestingTasks.MaskedWords());
        List<List<Integer>> onDemand = new ArrayList<>();
        List<StreamPosition> onDemandPositions = new ArrayList<>();
        try (BatchSource source = source(task, null, 0)) {
            for (int i = 0; i < 15; i++) {
                onDemand.add(ids(source.next()));
                onDemandPositions.add(source.position());
            }
        }
        List<List<Integer>> ahead = new ArrayList<>();
        List<StreamPosition> aheadPositions = new ArrayList<>();
        try (BatchSource source = source(task, null, 2)) {
            for (int i = 0; i < 15; i++) {
                ahead.add(ids(source.next()));
                // The position is that after the batch handed out, whatever was built behind it.
                aheadPositions.add(source.position());
            }
        }
        assertThat(ahead).isEqualTo(onDemand);
        assertThat(aheadPositions).isEqualTo(onDemandPositions);
        assertThat(onDemand.stream().distinct().count()).as("the stream moves on").isGreaterThan(10);
    }

    @Test
    void rewindingDropsWhatWasBuiltAheadAndRepeatsTheSameBatches()
    {
        ActiveTask task = activate(new TestingTasks.MaskedWords());
        try (BatchSource source = source(task, null, 3)) {
            source.next();
            StreamPosition afterFirst = source.position();
            List<Integer> second = ids(source.next());
            List<Integer> third = ids(source.next());
            source.rewind(afterFirst);
            assertThat(source.position()).isEqualTo(afterFirst);
            assertThat(ids(source.next())).isEqualTo(second);
            assertThat(ids(source.next())).isEqualTo(third);
        }
    }

    @Test
    void aResumedSourceBuildingAheadContinuesWhereTheOtherStopped()
    {
        ActiveTask task = activate(new TestingTasks.MaskedWords());
        StreamPosition stop;
        List<Integer> following;
        try (BatchSource source = source(task, null, 0)) {
            for (int i = 0; i < 5; i++) {
                source.next();
            }
            stop = source.position();
            following = ids(source.next());
        }
        try (BatchSource resumed = source(task, stop, 2)) {
            assertThat(ids(resumed.next())).isEqualTo(following);
        }
    }

    @Test
    void aFailingGeneratorFailsTheCallThatNeedsTheBatchOnTheCallersThread()
    {
        // A document the stream reaches only after a few batches, so that its batch is one built ahead.
        for (int document = 0; document < corpus.size(); document++) {
            String poisoned = corpus.get(document).id();
            ActiveTask task = activate(failingOn(poisoned));
            int failsAt = failingCall(task, 0, poisoned);
            if (failsAt >= 3) {
                assertThat(failingCall(task, 2, poisoned)).isEqualTo(failsAt);
                return;
            }
        }
        throw new AssertionError("no document is first reached after the third batch");
    }

    @Test
    void aTasksGeneratorIsNeverCalledByTwoThreadsAtOnce()
            throws InterruptedException
    {
        AtomicBoolean overlapped = new AtomicBoolean();
        ActiveTask task = activate(noticingOverlap(overlapped));
        Thread heldOut = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                task.labels().generate(corpus.get(i % corpus.size()), new SplittableRandom(i));
            }
        });
        try (BatchSource source = source(task, null, 2)) {
            heldOut.start();
            for (int i = 0; i < 40; i++) {
                source.next();
            }
        }
        heldOut.join();
        assertThat(overlapped).as("two threads were inside the generator at once").isFalse();
    }

    private int failingCall(ActiveTask task, int ahead, String poisoned)
    {
        try (BatchSource source = source(task, null, ahead)) {
            for (int call = 0; call < 200; call++) {
                try {
                    source.next();
                }
                catch (LabelGenerationException e) {
                    assertThat(e).hasMessageContaining(poisoned);
                    return call;
                }
            }
        }
        throw new AssertionError("the poisoned document was never reached");
    }

    private ActiveTask activate(PretrainingTask task)
    {
        return ActiveTask.activate(task, 0, new MapTaskSettings("tasks[0].settings", Map.of()), corpus.vocabulary(), LENGTH, corpus,
                HeldOutSplit.of(corpus, 0, 7).heldOut());
    }

    private BatchSource source(ActiveTask task, StreamPosition position, int ahead)
    {
        ExampleStream.Builder streams = ExampleStream.builder()
                .task(task.name(), task.labels())
                .documents(corpus)
                .reporter(task.reporter())
                .seed(11)
                .maxLength(LENGTH)
                .openDocuments(2);
        return new BatchSource(streams, position, BATCH, corpus.vocabulary().padId(), ahead, "batches-test");
    }

    private static List<Integer> ids(Batch batch)
    {
        List<Integer> ids = new ArrayList<>();
        for (int id : batch.inputIds()) {
            ids.add(id);
        }
        return ids;
    }

    /** One document makes the generator throw. */
    private static PretrainingTask failingOn(String documentId)
    {
        return new TestingTasks.WrappedMaskedWords((context, labels) -> (document, random) -> {
            if (document.id().equals(documentId)) {
                throw new IllegalStateException("cannot label this one");
            }
            return labels.generate(document, random);
        });
    }

    /** The generator notices when a second thread enters it while the first is still inside. */
    private static PretrainingTask noticingOverlap(AtomicBoolean overlapped)
    {
        return new TestingTasks.WrappedMaskedWords((context, labels) -> {
            AtomicInteger inside = new AtomicInteger();
            return (document, random) -> {
                if (inside.incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                try {
                    Thread.sleep(1);
                    return labels.generate(document, random);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                finally {
                    inside.decrementAndGet();
                }
            };
        });
    }
}
