package org.ernie4j.spi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.head.HeadSpec;

import static java.util.Objects.requireNonNull;

/**
 * A black-box check that a {@link PretrainingTask} keeps the SPI's contract, for a plugin's own tests:
 *
 * <pre>{@code
 * TaskContractCheck.of(new MyTask(), context).verify(documents);
 * }</pre>
 *
 * <p>It runs the task's label generator over the given documents and over {@link EdgeCaseDocuments} and checks that:
 * <ul>
 * <li>{@code info()}, {@code head(context)} and {@code labels(context)} return something;</li>
 * <li>every target is of the kind the head predicts, with labels in range: a class below the head's number of classes, a
 * masked original id inside the vocabulary and never a special piece;</li>
 * <li>every input starts with {@code [CLS]}, ends with {@code [SEP]} and fits the maximum length, and its segment ids are
 * 0 or 1 and never decrease;</li>
 * <li>generation is deterministic: the same documents with a random source seeded the same give equal examples;</li>
 * <li>no document, however odd, makes the generator throw or return null.</li>
 * </ul>
 */
public final class TaskContractCheck
{
    // Enough to diagnose; a broken task would otherwise report the same problem for every example of the corpus.
    private static final int MAX_REPORTED = 50;

    private final PretrainingTask task;
    private final TaskContext context;
    private final long seed;

    private TaskContractCheck(PretrainingTask task, TaskContext context, long seed)
    {
        this.task = requireNonNull(task, "task is null");
        this.context = requireNonNull(context, "context is null");
        this.seed = seed;
    }

    public static TaskContractCheck of(PretrainingTask task, TaskContext context)
    {
        return new TaskContractCheck(task, context, 20190712L);
    }

    /** The same check with another seed for the random source. */
    public TaskContractCheck withSeed(long seed)
    {
        return new TaskContractCheck(task, context, seed);
    }

    /**
     * @throws AssertionError listing every violation of the contract
     */
    public void verify(List<Document> documents)
    {
        List<String> violations = violations(documents);
        if (!violations.isEmpty()) {
            throw new AssertionError("task " + describeTask() + " breaks the task contract:\n  " + String.join("\n  ", violations));
        }
    }

    /** The violations of the contract, each naming the document and example; empty when the task keeps it. */
    public List<String> violations(List<Document> documents)
    {
        requireNonNull(documents, "documents is null");
        List<String> violations = new ArrayList<>();
        TaskInfo info = call("info()", task::info, violations);
        HeadSpec head = call("head(context)", () -> task.head(context), violations);
        LabelGenerator labels = call("labels(context)", () -> task.labels(context), violations);
        if (info == null || head == null || labels == null) {
            return violations;
        }
        List<Document> all = new ArrayList<>(documents);
        all.addAll(EdgeCaseDocuments.all(context.vocabulary(), context.maxSequenceLength()));

        ExampleCheck check = new ExampleCheck(head, context.vocabulary(), context.maxSequenceLength());
        List<List<Example>> first = generateAll(labels, all, violations);
        for (int i = 0; i < all.size(); i++) {
            List<Example> examples = first.get(i);
            for (int index = 0; examples != null && index < examples.size(); index++) {
                Example example = examples.get(index);
                String where = "document '" + all.get(i).id() + "' example " + index + ": ";
                if (example == null) {
                    violations.add(where + "is null");
                    continue;
                }
                for (String problem : check.problems(example)) {
                    violations.add(where + problem);
                }
            }
        }

        // A second pass over the same documents with the same seed: a generator that keeps state between documents, or
        // draws randomness from elsewhere, shows up here, and a resumed run would not see the data of an uninterrupted one.
        List<List<Example>> second = generateAll(labels, all, new ArrayList<>());
        for (int i = 0; i < all.size(); i++) {
            if (first.get(i) != null && !Objects.equals(first.get(i), second.get(i))) {
                violations.add("document '" + all.get(i).id() + "': not deterministic, a second run with the same seed gave "
                        + differenceOf(first.get(i), second.get(i)));
            }
        }
        return cap(violations);
    }

    private List<List<Example>> generateAll(LabelGenerator labels, List<Document> documents, List<String> violations)
    {
        RandomGenerator random = new SplittableRandom(seed);
        List<List<Example>> results = new ArrayList<>();
        for (Document document : documents) {
            List<Example> examples = null;
            try {
                examples = labels.generate(document, random);
                if (examples == null) {
                    violations.add("document '" + document.id() + "': generate returned null instead of a list");
                }
            }
            catch (RuntimeException e) {
                violations.add("document '" + document.id() + "': generate threw " + e);
            }
            results.add(examples);
        }
        return results;
    }

    private static String differenceOf(List<Example> first, List<Example> second)
    {
        if (second == null) {
            return "no examples";
        }
        if (first.size() != second.size()) {
            return second.size() + " examples instead of " + first.size();
        }
        for (int i = 0; i < first.size(); i++) {
            if (!Objects.equals(first.get(i), second.get(i))) {
                return "a different example " + i + ": " + second.get(i) + " instead of " + first.get(i);
            }
        }
        return "different examples";
    }

    private <T> T call(String method, Supplier<T> call, List<String> violations)
    {
        try {
            T result = call.get();
            if (result == null) {
                violations.add(method + " returned null");
            }
            return result;
        }
        catch (RuntimeException e) {
            violations.add(method + " threw " + e);
            return null;
        }
    }

    private static List<String> cap(List<String> violations)
    {
        if (violations.size() <= MAX_REPORTED) {
            return List.copyOf(violations);
        }
        List<String> capped = new ArrayList<>(violations.subList(0, MAX_REPORTED));
        capped.add("... and " + (violations.size() - MAX_REPORTED) + " more");
        return List.copyOf(capped);
    }

    private String describeTask()
    {
        try {
            return "'" + task.info().name() + "'";
        }
        catch (RuntimeException e) {
            return task.getClass().getName();
        }
    }
}
