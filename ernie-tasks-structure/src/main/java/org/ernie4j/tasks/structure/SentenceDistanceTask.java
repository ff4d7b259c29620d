package org.ernie4j.tasks.structure;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;

import static java.util.Objects.requireNonNull;

/**
 * Sentence distance, a structure-aware task of ERNIE 2.0 that refines BERT's next-sentence prediction into three classes
 * ({@link DistanceLabel}): given two sentences, are they adjacent in one document (class 0), in the same document but
 * apart (class 1), or from two different documents (class 2)?
 *
 * <h2>Examples</h2>
 * A document of {@code s} sentences yields {@code s - 1} pairs, as many as it has pairs of neighbours. For each, a class is
 * drawn from the class balance, then a pair of that class:
 * <ul>
 * <li>0, adjacent: a sentence and the one right after it, every such pair equally likely;</li>
 * <li>1, same document: two sentences with at least one sentence between them, the earlier one first, every such pair
 * equally likely;</li>
 * <li>2, other document: a sentence of this document, then a sentence of another document drawn from the document's own
 * side of the held-out split ({@link org.ernie4j.spi.document.SplitDocuments#randomOther}), which is never the document
 * itself: a held-out document's pairs hold held-out text only, since a second side the model had trained on would tell its
 * class.</li>
 * </ul>
 * Pairs from one document keep document order, so the order of the two sentences never gives a class away: telling 0 from
 * 1 is about distance alone. With {@code sentences-per-segment} k above 1 each side is a passage rather than a sentence:
 * the first side is the drawn sentence with up to k - 1 sentences before it, the second the drawn sentence with up to
 * k - 1 after it (fewer where the document ends), so that two sides of classes 0 and 1 never overlap, and class 1 keeps
 * at least one sentence between them. More words per side give more to compare where single sentences of two
 * documents are too alike to tell apart (docs/RESULTS.md measures this on the State of the Union addresses). Sentences without tokens hold no text and are passed over: the sentences on either side of
 * one are adjacent.
 *
 * <p>The input is {@code [CLS] a [SEP] b [SEP]}, with segment id 0 for {@code [CLS] a [SEP]} and 1 for {@code b [SEP]},
 * and the target is the class ({@link org.ernie4j.spi.example.SequenceLabel}, predicted from {@code [CLS]} by a
 * {@link SequenceClassificationHead} of 3 classes). A sentence longer than {@code max-segment-length} pieces is cut to
 * that length: the first sentence keeps its end and the second its beginning, because where the two meet is what tells
 * adjacent sentences from others. The cut is the same whatever the class, so it gives nothing away.
 *
 * <h2>Settings</h2>
 * <table>
 * <caption>Settings under {@code tasks.sentence-distance}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code adjacent-weight}</td><td>1</td><td>how often class 0 is drawn, relative to the other weights</td></tr>
 * <tr><td>{@code same-document-weight}</td><td>1</td><td>how often class 1 is drawn, relative to the other weights</td></tr>
 * <tr><td>{@code other-document-weight}</td><td>1</td><td>how often class 2 is drawn, relative to the other weights</td></tr>
 * <tr><td>{@code max-segment-length}</td><td>(maximum input length - 3) / 2</td><td>the most word pieces kept of each
 * sentence of a pair, from 1 up to the default, with which any pair fits in an input</td></tr>
 * <tr><td>{@code sentences-per-segment}</td><td>1</td><td>how many consecutive sentences each side of a pair holds at
 * most, from 1 to 32; the pieces kept of a side are still at most {@code max-segment-length}</td></tr>
 * </table>
 * The three weights are the class balance: class {@code c} is drawn with probability {@code weight(c) / (sum of weights)};
 * the defaults make equal thirds. Weights must be finite and at least 0, and not all 0; a weight of 0 leaves its class out.
 * A value out of range fails when the task joins the run, with an error naming its path, such as
 * {@code tasks.sentence-distance.adjacent-weight: must be a finite number of at least 0, not -1.0}.
 *
 * <h2>Skips</h2>
 * Nothing a document contains makes the task throw. A document with fewer than two sentences yields nothing; a class
 * drawn for a document that cannot give it is skipped, not replaced by another: class 1 in a document of two sentences,
 * and class 2 when the corpus has no other document, or the other document drawn has no text. Each is counted through the run's
 * {@link org.ernie4j.spi.TaskReporter}; a corpus of a single document is also reported once as a warning. So the examples
 * follow the class balance exactly when documents have three sentences or more and the corpus has more than one; where
 * they do not, the classes that cannot be made are rarer than configured, and the skip counts say by how much.
 *
 * <p>All randomness comes from the random source the core passes to {@link LabelGenerator#generate}, so the examples of a
 * document are the same for the same source state (and the same corpus).
 */
public final class SentenceDistanceTask
        implements PretrainingTask
{
    public static final String NAME = "sentence-distance";

    private static final TaskInfo INFO = new TaskInfo(NAME, TaskFamily.STRUCTURE_AWARE,
            "tell whether two sentences are adjacent, apart in one document, or from two documents");

    private static final int CLASSES = DistanceLabel.values().length;

    @Override
    public TaskInfo info()
    {
        return INFO;
    }

    /** A sequence classification head of 3 classes. */
    @Override
    public HeadSpec head(TaskContext context)
    {
        requireNonNull(context, "context is null");
        return SequenceClassificationHead.of(CLASSES);
    }

    /**
     * Reads and validates the settings and returns the task's generator for the run.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a setting out of range
     */
    @Override
    public LabelGenerator labels(TaskContext context)
    {
        requireNonNull(context, "context is null");
        SentenceDistanceSettings settings = SentenceDistanceSettings.read(context.settings(), context.maxSequenceLength());
        return new SentenceDistanceGenerator(settings, context.vocabulary(), context.maxSequenceLength(), context.split(), context.reporter());
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
