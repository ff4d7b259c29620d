package ${package};

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.TokenClassificationHead;

/**
 * The {@code ${taskName}} pre-training task: for every word, does it start a sentence?
 *
 * <p>An input packs two or more consecutive sentences of a document with nothing between them, and the first piece of
 * every word is labelled:
 * <ul>
 * <li>{@value ${classPrefix}Labels#STARTS}: the word is the first word of its sentence;</li>
 * <li>{@value ${classPrefix}Labels#CONTINUES}: it is not;</li>
 * <li>unlabelled ({@link org.ernie4j.spi.example.TokenLabels#IGNORED}): {@code [CLS]}, {@code [SEP]}, the other pieces of
 * a word, words without a letter or digit (punctuation), and the first word of an input, which always starts a sentence
 * and so teaches nothing.</li>
 * </ul>
 * The model reads uncased word pieces, so it cannot see capital letters: it has to learn where sentences end from the
 * words and the punctuation, a little of the structure of text that ERNIE 2.0's structure-aware tasks are after.
 *
 * <p>Settings (under {@code settings:} of the task in a run's configuration, or {@code plugins.settings.${taskName}} for a
 * task that joins from the plugins folder):
 * <ul>
 * <li>{@code max-sentences} (default {@value ${classPrefix}Settings#DEFAULT_MAX_SENTENCES}): an input packs 2 to this many
 * consecutive sentences, as many as fit, the number drawn for each input; at least 2.</li>
 * </ul>
 *
 * <p>The class holds no mutable state: everything that depends on the run arrives through the {@link TaskContext}, and the
 * runner creates the task with its public no-argument constructor (listed in
 * {@code META-INF/services/org.ernie4j.spi.PretrainingTask}).
 */
public final class ${classPrefix}Task
        implements PretrainingTask
{
    // Made by the constructor rather than a static initializer, so that a bad name fails with TaskInfo's message when the
    // runner creates the task, not with an error of class initialization.
    private final TaskInfo info = new TaskInfo("${taskName}", TaskFamily.STRUCTURE_AWARE,
            "per word: does it start a sentence? (inputs of several sentences, nothing between them)");

    @Override
    public TaskInfo info()
    {
        return info;
    }

    @Override
    public HeadSpec head(TaskContext context)
    {
        return TokenClassificationHead.of(2);
    }

    @Override
    public LabelGenerator labels(TaskContext context)
    {
        // Settings are read here, once, when the task joins a run: the runner reports any setting not read by now as unknown.
        ${classPrefix}Settings settings = ${classPrefix}Settings.from(context.settings());
        return new ${classPrefix}Labels(settings, context.vocabulary(), context.maxSequenceLength(), context.reporter());
    }

    @Override
    public String toString()
    {
        return info.name();
    }
}
