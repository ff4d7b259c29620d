package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.baseline.BaselineAccuracy;
import org.ernie4j.spi.baseline.LayoutBaseline;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.head.HeadSpec;

import static java.util.Objects.requireNonNull;

/**
 * A black-box check that a {@link PretrainingTask} keeps the SPI's contract, for a plugin's own tests. One call checks a
 * task on the bundled fixture (three real State of the Union addresses, {@link Fixtures#sotu()}) and the odd documents of
 * {@link EdgeCaseDocuments}, with its default settings or with given ones:
 *
 * <pre>{@code
 * TaskContractCheck.verify(new MyTask());
 * TaskContractCheck.verify(new MyTask(), Map.of("my-setting", 3));
 * }</pre>
 *
 * and with a context and documents of your own, {@code TaskContractCheck.of(new MyTask(), context).verify(documents)}
 * (the edge cases are always added).
 *
 * <p>It runs the task's label generator over every document and checks:
 * <ol>
 * <li><b>The task answers.</b> {@code info()}, {@code head(context)} and {@code labels(context)} return something and do
 * not throw.</li>
 * <li><b>Settings are read when the task joins.</b> With settings that record their reads ({@link MapTaskSettings}, as
 * a {@link TestingTaskContext} has), every setting given must have been read by {@code head(context)} or
 * {@code labels(context)}: a run reports any other key as unknown and stops.</li>
 * <li><b>Labels are in range for the head.</b> Every target is of the kind the head predicts; a class is below the head's
 * number of classes; a masked piece's original is a non-special piece of the vocabulary, never at {@code [CLS]} or the
 * last {@code [SEP]}; a custom target has the head's width. An example that predicts nothing (no masked position, no
 * labelled position) is refused: it only costs.</li>
 * <li><b>Lengths are within the maximum.</b> Every input fits the context's maximum length, starts with {@code [CLS]} and
 * ends with {@code [SEP]}; ids are inside the vocabulary; segment ids are 0 or 1 and never decrease.</li>
 * <li><b>No answer leaks into the inputs.</b>
 * <ul>
 * <li>An input holds text and structure only: besides word pieces, {@code [CLS]} (at position 0 only), {@code [SEP]},
 * {@code [MASK]} and {@code [UNK]}, never {@code [PAD]} or a reserved piece, which would carry something the text does
 * not say.</li>
 * <li>Masked tokens: a predicted position shows {@code [MASK]}, another word piece or, for a bounded share of all
 * predicted positions (at most half by default, {@link #withMaxKeptShare(double)}), its original piece: BERT's 80/10/10
 * keeps 10% unchanged on purpose, but a generator that hides nothing is copying answers.</li>
 * <li>Sequence labels: the label must not follow from the input's layout alone (its special pieces, text runs and
 * segment changes), as it would if the task built inputs of one class differently from those of another.</li>
 * <li>Token labels: no label on {@code [CLS]} or {@code [SEP]}, and the labels must not follow from the special pieces
 * next to each position alone (a {@code [SEP]} before every word that starts a sentence gives the answer away).</li>
 * </ul>
 * What the words themselves reveal is the task's business: "is this word a number" is readable from the word, and fine.
 * The layout checks judge all examples together and need {@value LeakCheck#MIN_ITEMS} labelled items and two classes.</li>
 * <li><b>Deterministic for a seed.</b> Each document gets a random source seeded from the check's seed and the
 * document's place; generating again with the same generator in the reverse order of documents, and with a fresh
 * generator from a second {@code labels(context)} call, must give equal examples. A generator that keeps state between
 * documents, or draws randomness from elsewhere, fails here; so would a resumed run.</li>
 * <li><b>Odd documents do not break it.</b> No document, however odd (empty, punctuation only, longer than the input,
 * unknown scripts, a word longer than the input, ...), makes the generator throw or return null.</li>
 * </ol>
 */
public final class TaskContractCheck
{
    /** The maximum input length of the one-call checks. */
    public static final int FIXTURE_MAX_SEQUENCE_LENGTH = 128;

    // Enough to diagnose; a broken task would otherwise report the same problem for every example of the corpus.
    private static final int MAX_REPORTED = 50;
    private static final long DEFAULT_SEED = 20190712L;
    private static final double DEFAULT_MAX_KEPT_SHARE = 0.5;

    private final PretrainingTask task;
    private final TaskContext context;
    private final long seed;
    private final double maxKeptShare;

    private TaskContractCheck(PretrainingTask task, TaskContext context, long seed, double maxKeptShare)
    {
        this.task = requireNonNull(task, "task is null");
        this.context = requireNonNull(context, "context is null");
        this.seed = seed;
        this.maxKeptShare = maxKeptShare;
    }

    /**
     * The tasks a module lists in {@code META-INF/services} whose classes live in {@code packageName}, found by the service
     * loader as a run finds them: a module's contract test covers a task added to the list without a new test.
     */
    public static Stream<PretrainingTask> listedIn(String packageName)
    {
        requireNonNull(packageName, "packageName is null");
        return ServiceLoader.load(PretrainingTask.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(task -> task.getClass().getPackageName().equals(packageName));
    }

    /**
     * Checks a task with its default settings on the fixture and the edge cases, with the fixture's vocabulary, the
     * fixture as the corpus and inputs of at most {@value #FIXTURE_MAX_SEQUENCE_LENGTH} pieces.
     *
     * @throws AssertionError listing every violation of the contract
     */
    public static void verify(PretrainingTask task)
    {
        verify(task, Map.of());
    }

    /**
     * Checks a task with these settings (as they would appear under {@code settings:} in a run's configuration) on the
     * fixture and the edge cases; every setting must be read when the task joins.
     *
     * @throws AssertionError listing every violation of the contract
     */
    public static void verify(PretrainingTask task, Map<String, ?> settings)
    {
        requireNonNull(task, "task is null");
        TestingTaskContext context = Fixtures.context(nameOf(task), settings);
        TaskContractCheck check = of(task, context);
        check.verify(Fixtures.sotu());
        // What a plugin author needs beside "it keeps the contract": how much of its labels the layout alone gets right.
        BaselineAccuracy baseline = check.baseline(Fixtures.sotu());
        System.out.printf(Locale.ROOT, "task %s on the fixture: %d labelled items, majority label %.3f, layout only %.3f%n", nameOf(task),
                baseline.items(), baseline.majority(), baseline.layout());
    }

    /** A check of a task in a context of your own; {@link #verify(List)} names the documents. */
    public static TaskContractCheck of(PretrainingTask task, TaskContext context)
    {
        return new TaskContractCheck(task, context, DEFAULT_SEED, DEFAULT_MAX_KEPT_SHARE);
    }

    /** The same check with another seed for the random sources. */
    public TaskContractCheck withSeed(long seed)
    {
        return new TaskContractCheck(task, context, seed, maxKeptShare);
    }

    /**
     * The same check allowing another share (0 to 1) of masked positions to show their original piece; for a masking task
     * whose settings keep more than half of its units unchanged on purpose.
     */
    public TaskContractCheck withMaxKeptShare(double share)
    {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be between 0 and 1: " + share);
        }
        return new TaskContractCheck(task, context, seed, share);
    }

    /**
     * Checks the task on these documents and on {@link EdgeCaseDocuments}.
     *
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
        checkSettingsWereRead(violations);

        List<Document> all = new ArrayList<>(documents);
        all.addAll(EdgeCaseDocuments.all(context.vocabulary(), context.maxSequenceLength()));

        ExampleCheck check = new ExampleCheck(head, context.vocabulary(), context.maxSequenceLength());
        LeakCheck leaks = new LeakCheck(context.vocabulary(), maxKeptShare);
        List<List<Example>> first = generateAll(labels, all, false, violations);
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
                leaks.add(example);
            }
        }
        violations.addAll(leaks.problems());

        // The same generator in the reverse order finds state kept between documents; a fresh generator finds state kept
        // in the task. Either way a resumed run would not see the data of an uninterrupted one.
        compare(first, generateAll(labels, all, true, new ArrayList<>()), all, "the same generator, documents in reverse order", violations);
        LabelGenerator fresh = call("labels(context), called again,", () -> task.labels(context), violations);
        if (fresh != null) {
            compare(first, generateAll(fresh, all, false, new ArrayList<>()), all, "a generator from a second labels(context) call", violations);
        }
        return cap(violations);
    }

    /**
     * What the task's labels give away without a word being read: the majority label and the best layout-only predictor
     * ({@link LayoutBaseline}), learned on the examples of every other document and scored on the rest. A model trained on
     * the task must beat this to have learned anything from the text; a layout-only accuracy near 1 means the inputs give
     * the answer away.
     */
    public BaselineAccuracy baseline(List<Document> documents)
    {
        requireNonNull(documents, "documents is null");
        LabelGenerator labels = task.labels(context);
        List<List<Example>> examples = generateAll(labels, documents, false, new ArrayList<>());
        List<Example> learned = new ArrayList<>();
        List<Example> scored = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i) != null) {
                (i % 2 == 0 ? learned : scored).addAll(examples.get(i));
            }
        }
        return LayoutBaseline.learn(context.vocabulary(), learned).score(scored);
    }

    private void checkSettingsWereRead(List<String> violations)
    {
        if (context.settings() instanceof MapTaskSettings settings) {
            for (String key : settings.unreadKeys()) {
                violations.add("setting '" + key + "' was not read by head(context) or labels(context): a run stops with"
                        + " \"unknown setting\" (read every setting there, not while generating)");
            }
        }
    }

    /**
     * Generates the examples of every document, each with a random source of its own seeded from its place in the list,
     * so that the order of generation does not change what a document gets.
     */
    private List<List<Example>> generateAll(LabelGenerator labels, List<Document> documents, boolean reverse, List<String> violations)
    {
        List<List<Example>> results = new ArrayList<>(Collections.nCopies(documents.size(), null));
        for (int step = 0; step < documents.size(); step++) {
            int i = reverse ? documents.size() - 1 - step : step;
            Document document = documents.get(i);
            RandomGenerator random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (i + 1));
            try {
                List<Example> examples = labels.generate(document, random);
                if (examples == null) {
                    violations.add("document '" + document.id() + "': generate returned null instead of a list");
                }
                results.set(i, examples);
            }
            catch (RuntimeException e) {
                violations.add("document '" + document.id() + "': generate threw " + e);
            }
        }
        return results;
    }

    private static void compare(List<List<Example>> first, List<List<Example>> again, List<Document> documents, String how, List<String> violations)
    {
        for (int i = 0; i < documents.size(); i++) {
            if (first.get(i) != null && !Objects.equals(first.get(i), again.get(i))) {
                violations.add("document '" + documents.get(i).id() + "': not deterministic, " + how + " with the same seed gave "
                        + differenceOf(first.get(i), again.get(i)));
            }
        }
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

    /** The task's name for its settings' paths; a task whose info() fails is reported by the check itself. */
    private static String nameOf(PretrainingTask task)
    {
        try {
            return task.info().name();
        }
        catch (RuntimeException e) {
            return "unnamed-task";
        }
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
