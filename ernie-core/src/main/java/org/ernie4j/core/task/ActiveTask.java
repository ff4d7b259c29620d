package org.ernie4j.core.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.head.HeadSpec;

import static java.util.Objects.requireNonNull;

/**
 * A task that has joined a run: its id, head and label generator, made once from its settings.
 */
public final class ActiveTask
{
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
     * @throws org.ernie4j.spi.InvalidSettingException for a bad setting, or for a setting the task never read
     */
    public static ActiveTask activate(PretrainingTask task, int taskId, ConfiguredTaskSettings settings, Vocabulary vocabulary,
            int maxSequenceLength, DocumentSource corpus)
    {
        requireNonNull(task, "task is null");
        String name = task.info().name();
        CountingTaskReporter reporter = new CountingTaskReporter(name);
        TaskContext context = new Context(taskId, vocabulary, settings, maxSequenceLength, corpus, reporter);
        HeadSpec head = requireNonNull(task.head(context), () -> "task " + name + " returned no head");
        LabelGenerator labels = requireNonNull(task.labels(context), () -> "task " + name + " returned no label generator");
        Set<String> unread = settings.unreadKeys();
        if (!unread.isEmpty()) {
            String key = unread.iterator().next();
            throw settings.invalid(key, "unknown setting of task " + name
                    + (settings.readKeys().isEmpty() ? " (it reads no settings)" : "; its settings are: " + String.join(", ", settings.readKeys())));
        }
        return new ActiveTask(task, new TaskHead(name, taskId, head), new OneCallAtATime(labels), reporter);
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

    private record Context(int taskId, Vocabulary vocabulary, ConfiguredTaskSettings settings, int maxSequenceLength,
            DocumentSource corpus, CountingTaskReporter reporter)
            implements TaskContext
    {
    }
}
