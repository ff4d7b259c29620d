package org.ernie4j.core.training.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.head.HeadSpec;

import static java.util.Objects.requireNonNull;

/**
 * A task that has joined a run: its id, head and label generator, made once from its settings.
 */
@PublicApi
public final class ActiveTask
{
    private static final TaskReporter QUIET = new TaskReporter()
    {
        @Override
        public void skipped(String reason)
        {
        }

        @Override
        public void warnOnce(String message)
        {
        }
    };

    private final PretrainingTask task;
    private final TaskHead head;
    private final LabelGenerator labels;
    private final CountingTaskReporter reporter;

    private ActiveTask(PretrainingTask task, TaskHead head, LabelGenerator labels, CountingTaskReporter reporter)
    {
        this.task = task;
        this.head = head;
        this.labels = labels;
        this.reporter = reporter;
    }

    /**
     * Asks the task for its head and label generator.
     *
     * @param corpus the training documents
     * @param heldOut the documents held out for evaluation, which the generator is also called with
     * @throws org.ernie4j.spi.InvalidSettingException for a bad setting, or for a setting the task never read
     */
    public static ActiveTask activate(PretrainingTask task, int taskId, MapTaskSettings settings, Vocabulary vocabulary,
            int maxSequenceLength, DocumentSource corpus, DocumentSource heldOut)
    {
        requireNonNull(task, "task is null");
        String name = task.info().name();
        CountingTaskReporter reporter = new CountingTaskReporter(name);
        TaskContext context = new Context(taskId, vocabulary, settings, maxSequenceLength, corpus, heldOut, reporter);
        HeadSpec head = requireNonNull(task.head(context), () -> "task " + name + " returned no head");
        LabelGenerator labels = requireNonNull(task.labels(context), () -> "task " + name + " returned no label generator");
        refuseUnread(name, settings);
        return new ActiveTask(task, new TaskHead(name, taskId, head), new OneCallAtATime(labels), reporter);
    }

    /**
     * Lets the task read its settings in a context of its own, without a corpus: tasks read and check their settings when
     * they make their head and label generator, so this finds a bad or unknown setting before a corpus is prepared.
     * Warnings go nowhere; they come again when the task joins the run.
     *
     * @throws org.ernie4j.spi.InvalidSettingException for a bad setting, or for a setting the task never read
     */
    public static void readSettings(PretrainingTask task, MapTaskSettings settings, Vocabulary vocabulary, int maxSequenceLength,
            DocumentSource corpus)
    {
        requireNonNull(task, "task is null");
        // Nothing is held out of a corpus that is not prepared yet: the one source given stands for both.
        TaskContext context = new Context(0, vocabulary, settings, maxSequenceLength, corpus, corpus, QUIET);
        task.head(context);
        task.labels(context);
        refuseUnread(task.info().name(), settings);
    }

    private static void refuseUnread(String name, MapTaskSettings settings)
    {
        Set<String> unread = settings.unreadKeys();
        if (!unread.isEmpty()) {
            String key = unread.iterator().next();
            throw settings.invalid(key, "unknown setting of task " + name
                    + (settings.readKeys().isEmpty() ? " (it reads no settings)" : "; its settings are: " + String.join(", ", settings.readKeys())));
        }
    }

    public String name()
    {
        return head.name();
    }

    public PretrainingTask task()
    {
        return task;
    }

    public TaskHead head()
    {
        return head;
    }

    public LabelGenerator labels()
    {
        return labels;
    }

    public CountingTaskReporter reporter()
    {
        return reporter;
    }

    public Map<String, Long> skipCounts()
    {
        return reporter.skipCounts();
    }

    /**
     * Batches are built ahead on background threads while held-out examples may be made on the caller's: a task's
     * generator is never called by two threads at once, so that plugins need not be thread-safe.
     */
    private static final class OneCallAtATime
            implements LabelGenerator
    {
        private final LabelGenerator generator;

        OneCallAtATime(LabelGenerator generator)
        {
            this.generator = generator;
        }

        @Override
        public synchronized List<Example> generate(Document document, RandomGenerator random)
        {
            return generator.generate(document, random);
        }
    }

    private record Context(int taskId, Vocabulary vocabulary, MapTaskSettings settings, int maxSequenceLength,
            DocumentSource corpus, DocumentSource heldOut, TaskReporter reporter)
            implements TaskContext
    {
        private Context
        {
            requireNonNull(corpus, "corpus is null");
            requireNonNull(heldOut, "heldOut is null");
        }
    }
}
