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
 * Sentence reordering, a structure-aware task of ERNIE 2.0: cut a paragraph into 1 to {@code m} segments, shuffle them,
 * and have the model tell which permutation was applied, one class among {@code k = 1! + 2! + ... + m!}. To put the
 * segments back in order the model has to learn how sentences of a text follow one another.
 *
 * <h2>Examples</h2>
 * Each document is cut into paragraphs: as many consecutive whole sentences as fit in {@code max-paragraph-length} word
 * pieces, one paragraph after the other. Every paragraph of at least {@code m} sentences yields one example:
 * <ol>
 * <li>a class is drawn uniformly among the {@code k} classes; it fixes the number of segments {@code n} and their order
 * (numbered as {@link ReorderingClasses} describes);</li>
 * <li>the paragraph is cut into {@code n} segments of whole sentences, at {@code n - 1} of the boundaries between its
 * sentences, every choice of boundaries equally likely;</li>
 * <li>the segments are shown in the class's order, each followed by {@code [SEP]}:
 * {@code [CLS] s[order[0]] [SEP] s[order[1]] [SEP] ...}, and the example's target is the class
 * ({@link org.ernie4j.spi.example.SequenceLabel}, predicted from {@code [CLS]} by a {@link SequenceClassificationHead} of
 * {@code k} classes).</li>
 * </ol>
 *
 * <h2>How many segments</h2>
 * As the class is drawn uniformly, every class has probability {@code 1/k}, and a segment count {@code n} has probability
 * {@code n!/k}: for m = 3, 1/9 for one segment, 2/9 for two and 6/9 for three. Drawing {@code n} uniformly instead would
 * give the single class of one segment a third of all examples (for m = 3) and each order of three segments one
 * eighteenth, so the classifier would learn mostly to spot unshuffled paragraphs. Every paragraph must be able to take
 * every class, which is why paragraphs of fewer than {@code m} sentences are skipped rather than given fewer segments: that
 * would tilt the labels towards small {@code n}.
 *
 * <h2>Segment ids</h2>
 * The model has few segment types (two by default), and the SPI's contract allows segment ids 0 and 1 only, never
 * decreasing. So {@code [CLS]} and the first segment shown, with its {@code [SEP]}, are segment 0, and every later segment
 * is segment 1; the {@code [SEP]} after each segment is what marks the boundaries between segments. Alternating 0 and 1
 * between consecutive segments would mark them too, but breaks that contract.
 *
 * <h2>Settings</h2>
 * <table>
 * <caption>Settings under {@code tasks.sentence-reordering}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code max-segments}</td><td>3</td><td>m, the most segments a paragraph is cut into, from 2 to 5; it fixes the
 * number of classes k: 3, 9, 33 or 153</td></tr>
 * <tr><td>{@code max-paragraph-length}</td><td>the maximum input length less 1 + m</td><td>the most word pieces of a
 * paragraph, without {@code [CLS]} and the {@code [SEP]} tokens; from m up to the default, which is the longest paragraph
 * whose input always fits. A smaller value makes shorter segments (a sentence or two each) and a finer-grained
 * task.</td></tr>
 * </table>
 * A value out of range fails when the task joins the run, with an error naming its path, such as
 * {@code tasks.sentence-reordering.max-segments: must be between 2 and 5, not 7}.
 *
 * <h2>Skips</h2>
 * Nothing a document contains makes the task throw. It reports through the run's {@link org.ernie4j.spi.TaskReporter}:
 * documents without word pieces, paragraphs with fewer than {@code m} sentences (a one-sentence document, or the short
 * last paragraph of a document), and sentences longer than {@code max-paragraph-length} on their own, which are left out
 * and end the paragraph before them.
 *
 * <p>All randomness comes from the random source the core passes to {@link LabelGenerator#generate}, so the examples of a
 * document are the same for the same source state.
 */
public final class SentenceReorderingTask
        implements PretrainingTask
{
    public static final String NAME = "sentence-reordering";

    private static final TaskInfo INFO = new TaskInfo(NAME, TaskFamily.STRUCTURE_AWARE,
            "tell which permutation shuffled the 1 to m segments of a paragraph");

    @Override
    public TaskInfo info()
    {
        return INFO;
    }

    /**
     * A sequence classification head of {@code k = 1! + ... + m!} classes.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a setting out of range
     */
    @Override
    public HeadSpec head(TaskContext context)
    {
        requireNonNull(context, "context is null");
        SentenceReorderingSettings settings = SentenceReorderingSettings.read(context.settings(), context.maxSequenceLength());
        return SequenceClassificationHead.of(settings.classCount());
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
        SentenceReorderingSettings settings = SentenceReorderingSettings.read(context.settings(), context.maxSequenceLength());
        return new SentenceReorderingGenerator(settings, context.vocabulary(), context.maxSequenceLength(), context.reporter());
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
