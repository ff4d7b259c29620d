package org.ernie4j.runner.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.ernie4j.core.text.prepare.PrepareListener;

import static java.util.Objects.requireNonNull;

/**
 * Reports the annotation job's progress as partitions finish: each partition adds its documents to an accumulator when
 * it is done, Spark merges a task's accumulator updates before it announces the task's end, and this listener passes
 * the new total on. Spark merges a result task's updates once, so a retried partition is not counted twice.
 */
final class AnnotationProgress
        extends SparkListener
{
    private final LongAccumulator annotated;
    private final long documents;
    private final PrepareListener listener;
    private long reported;
    private boolean stopped;

    /**
     * @param annotated the accumulator the partitions add their documents to
     * @param documents the input's documents
     */
    AnnotationProgress(LongAccumulator annotated, long documents, PrepareListener listener)
    {
        this.annotated = requireNonNull(annotated, "annotated is null");
        this.documents = documents;
        this.listener = requireNonNull(listener, "listener is null");
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd)
    {
        long done = Math.min(annotated.value(), documents);
        if (!stopped && done > reported) {
            reported = done;
            listener.documentsAnnotated(done, documents);
        }
    }

    /** Reports nothing more: Spark's listener bus may deliver a last task's end after the job is over. */
    synchronized void stop()
    {
        stopped = true;
    }
}
