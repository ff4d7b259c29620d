package org.ernie4j.spi;

import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.SplitDocuments;
import org.ernie4j.spi.document.Vocabulary;

/**
 * What the core gives a task when it joins a run.
 */
public interface TaskContext
{
    /**
     * The task's numeric id: its row in the task embedding table. The core assigns ids in order of introduction and
     * records them in every checkpoint; a task never picks its own.
     */
    int taskId();

    /** The WordPiece vocabulary of the run. */
    Vocabulary vocabulary();

    /** The task's settings from the run configuration, read-only. */
    TaskSettings settings();

    /** The longest input the model accepts, in word pieces, including {@code [CLS]} and {@code [SEP]} tokens. */
    int maxSequenceLength();

    /**
     * The documents of the training corpus, for tasks that need a second document (sentence distance, IR relevance).
     */
    DocumentSource corpus();

    /**
     * The documents the run holds out for evaluation; the generator is also called with these, and only these are not
     * in {@link #corpus()}. A task that draws a second document draws it from here for a held-out document, so that a
     * held-out example is made of held-out text only: a second side from a training document would be text the model has
     * trained on, and being seen would tell that side's class. Empty when nothing is held out, and by default.
     */
    default DocumentSource heldOut()
    {
        return DocumentSource.empty();
    }

    /**
     * The training corpus and the held-out documents together, for drawing a second document from the first one's own side
     * of the split. Reads the held-out documents' ids each time it is called: call it once, when the task joins.
     */
    default SplitDocuments split()
    {
        return new SplitDocuments(corpus(), heldOut());
    }

    /** Where a task reports skipped inputs and one-time warnings. */
    TaskReporter reporter();
}
