package org.ernie4j.core.interop;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * How to import a BERT-layout directory.
 *
 * @param taskTypes rows of the task embedding to create; empty for {@link #DEFAULT_TASK_TYPES} or the file's rows if more.
 *     Rows the file does not have start at zero, so that a new task's inputs start exactly as the file's model saw them
 *     (a plain BERT file has no task embedding at all: every row is zero and the model computes what BERT computes)
 * @param maskedLmTask the task whose masked-token head takes BERT's {@code cls.predictions} weights; empty to not import them
 * @param ignoredPrefixes name prefixes of tensors to leave out (such as {@code cls.seq_relationship.}); each is reported
 */
@PublicApi
public record ImportOptions(OptionalInt taskTypes, Optional<String> maskedLmTask, List<String> ignoredPrefixes)
{
    /** The configuration's default {@code model.task-types}. */
    public static final int DEFAULT_TASK_TYPES = 16;

    public ImportOptions
    {
        requireNonNull(taskTypes, "taskTypes is null");
        requireNonNull(maskedLmTask, "maskedLmTask is null");
        ignoredPrefixes = List.copyOf(ignoredPrefixes);
        if (taskTypes.isPresent() && taskTypes.getAsInt() < 1) {
            throw new IllegalArgumentException("task types must be at least 1: " + taskTypes.getAsInt());
        }
        for (String prefix : ignoredPrefixes) {
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("an ignored prefix is empty: it would ignore every tensor");
            }
        }
    }

    public static ImportOptions defaults()
    {
        return new ImportOptions(OptionalInt.empty(), Optional.empty(), List.of());
    }

    public ImportOptions withMaskedLmTask(String task)
    {
        return new ImportOptions(taskTypes, Optional.of(task), ignoredPrefixes);
    }

    public ImportOptions withIgnored(List<String> prefixes)
    {
        return new ImportOptions(taskTypes, maskedLmTask, prefixes);
    }

    public ImportOptions withTaskTypes(int rows)
    {
        return new ImportOptions(OptionalInt.of(rows), maskedLmTask, ignoredPrefixes);
    }
}
