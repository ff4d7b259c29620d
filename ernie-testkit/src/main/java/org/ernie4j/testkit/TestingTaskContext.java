package org.ernie4j.testkit;

import java.util.List;
import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * A {@link TaskContext} for tests, built with {@link #builder(Vocabulary)}. Its settings are those a run gives
 * ({@link MapTaskSettings}, which records which keys the task read), under the path {@code tasks.<task name>}; its
 * reporter is the testing fake, available with its full type through {@link #testingReporter()}.
 *
 * <pre>{@code
 * TestingTaskContext context = TestingTaskContext.builder(vocabulary)
 *         .taskName("knowledge-masking")
 *         .settings(Map.of("masking-rate", 0.2))
 *         .maxSequenceLength(64)
 *         .corpus(documents)
 *         .build();
 * }</pre>
 */
public final class TestingTaskContext
        implements TaskContext
{
    private final int taskId;
    private final Vocabulary vocabulary;
    private final MapTaskSettings settings;
    private final int maxSequenceLength;
    private final TestingDocumentSource corpus;
    private final TestingDocumentSource heldOut;
    private final TestingTaskReporter reporter;

    private TestingTaskContext(Builder builder)
    {
        this.taskId = builder.taskId;
        this.vocabulary = builder.vocabulary;
        this.settings = Fixtures.settings(builder.taskName, builder.settings);
        this.maxSequenceLength = builder.maxSequenceLength;
        this.corpus = new TestingDocumentSource(builder.corpus);
        this.heldOut = new TestingDocumentSource(builder.heldOut);
        this.reporter = builder.reporter;
    }

    public static Builder builder(Vocabulary vocabulary)
    {
        return new Builder(vocabulary);
    }

    @Override
    public int taskId()
    {
        return taskId;
    }

    @Override
    public Vocabulary vocabulary()
    {
        return vocabulary;
    }

    /** The settings, typed to ask which keys were read. */
    @Override
    public MapTaskSettings settings()
    {
        return settings;
    }

    @Override
    public int maxSequenceLength()
    {
        return maxSequenceLength;
    }

    @Override
    public TestingDocumentSource corpus()
    {
        return corpus;
    }

    @Override
    public TestingDocumentSource heldOut()
    {
        return heldOut;
    }

    @Override
    public TestingTaskReporter reporter()
    {
        return reporter;
    }

    /** The reporter, typed as the fake, to ask what was skipped and warned about. */
    public TestingTaskReporter testingReporter()
    {
        return reporter;
    }

    /**
     * Builds a {@link TestingTaskContext}. Defaults: task id 0, task name {@code testing-task}, no settings, maximum length
     * 128, an empty corpus, no held-out documents and a new {@link TestingTaskReporter}.
     */
    public static final class Builder
    {
        private final Vocabulary vocabulary;
        private int taskId;
        private String taskName = "testing-task";
        private Map<String, ?> settings = Map.of();
        private int maxSequenceLength = 128;
        private List<Document> corpus = List.of();
        private List<Document> heldOut = List.of();
        private TestingTaskReporter reporter = new TestingTaskReporter();

        private Builder(Vocabulary vocabulary)
        {
            this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        }

        /** The numeric task id (the task's row in the task embedding). */
        public Builder taskId(int taskId)
        {
            if (taskId < 0) {
                throw new IllegalArgumentException("taskId is negative: " + taskId);
            }
            this.taskId = taskId;
            return this;
        }

        /** The task's name, which the paths of settings errors start with. */
        public Builder taskName(String taskName)
        {
            this.taskName = requireNonNull(taskName, "taskName is null");
            return this;
        }

        public Builder settings(Map<String, ?> settings)
        {
            this.settings = requireNonNull(settings, "settings is null");
            return this;
        }

        public Builder maxSequenceLength(int maxSequenceLength)
        {
            if (maxSequenceLength < 2) {
                throw new IllegalArgumentException("maxSequenceLength must leave room for [CLS] and [SEP]: " + maxSequenceLength);
            }
            this.maxSequenceLength = maxSequenceLength;
            return this;
        }

        public Builder corpus(List<Document> corpus)
        {
            this.corpus = requireNonNull(corpus, "corpus is null");
            return this;
        }

        /** The documents held out of the corpus, which a task draws second documents from for a held-out document. */
        public Builder heldOut(List<Document> heldOut)
        {
            this.heldOut = requireNonNull(heldOut, "heldOut is null");
            return this;
        }

        public Builder reporter(TestingTaskReporter reporter)
        {
            this.reporter = requireNonNull(reporter, "reporter is null");
            return this;
        }

        public TestingTaskContext build()
        {
            return new TestingTaskContext(this);
        }
    }
}
