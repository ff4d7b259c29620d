package ${package};

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.TokenClassificationHead;

/**
 * The {@code ${taskName}} pre-training task: a class for every word, given by the labelling rule in
 * {@link ${classPrefix}Labels#label}.
 *
 * <p>An input packs whole consecutive sentences of a document, as many as fit, and the first piece of every word is
 * labelled by the rule; {@code [CLS]}, {@code [SEP]} and the other pieces of a word are left unlabelled
 * ({@link org.ernie4j.spi.example.TokenLabels#IGNORED}). Until the rule is written, a placeholder labels a word 1 when it
 * holds a digit and 0 otherwise: the task keeps the task contract, but the model learns nothing from it that it could not
 * read off the word.
 *
 * <p>The task reads no settings yet. A setting is read in {@link #labels(TaskContext)} from {@code context.settings()}, and
 * is written under {@code settings:} of the task in a run's configuration, or under {@code plugins.settings.${taskName}}
 * for a task that joins from the plugins folder.
 *
 * <p>The class holds no mutable state: everything that depends on the run arrives through the {@link TaskContext}, and the
 * runner creates the task with its public no-argument constructor (listed in
 * {@code META-INF/services/org.ernie4j.spi.PretrainingTask}).
 */
public final class ${classPrefix}Task
        implements PretrainingTask
{
    // Made by the constructor rather than a static initializer, so that a bad name fails with TaskInfo's message when the
    // runner creates the task, not with an error of class initialization. Say what your rule labels in the description:
    // the runner shows it in `ernie tasks` and in its logs.
    private final TaskInfo info = new TaskInfo("${taskName}", TaskFamily.WORD_AWARE,
            "per word: a class from the labelling rule (still the placeholder: does the word hold a digit?)");

    @Override
    public TaskInfo info()
    {
        return info;
    }

    @Override
    public HeadSpec head(TaskContext context)
    {
        return TokenClassificationHead.of(${classPrefix}Labels.CLASSES);
    }

    @Override
    public LabelGenerator labels(TaskContext context)
    {
        // Read settings here (context.settings().getInt("...", default), ...), once, when the task joins a run: the runner
        // reports any setting not read by now as unknown.
        return new ${classPrefix}Labels(context.vocabulary(), context.maxSequenceLength(), context.reporter());
    }

    @Override
    public String toString()
    {
        return info.name();
    }
}
