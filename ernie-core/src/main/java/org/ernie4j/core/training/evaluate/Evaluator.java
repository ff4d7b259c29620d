package org.ernie4j.core.training.evaluate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.support.Seeds;
import org.ernie4j.core.training.schedule.Stage;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates every task introduced so far on its held-out examples, at the end of each stage of the schedule and, if
 * asked, every so many steps: the raw material of the forgetting matrix. Each accuracy comes with the number of items
 * and documents it rests on, its 95% interval and the baselines of its held-out set.
 */
public final class Evaluator
{
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
    private static final long INTERVAL_STREAM = 0x494E5456L;

    private final ModelEngine engine;
    private final TaskSchedule schedule;
    private final List<ActiveTask> tasks;
    private final Map<String, HeldOutSet> examples;
    private final long every;
    private final long seed;

    /**
     * @param examples each task's held-out set, by task name; a task without any is not evaluated
     * @param every also evaluate every this many completed steps; 0 for stage ends only
     * @param seed draws the bootstrap resamples of the intervals
     */
    public Evaluator(ModelEngine engine, TaskSchedule schedule, List<ActiveTask> tasks, Map<String, HeldOutSet> examples, long every, long seed)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        this.examples = Map.copyOf(requireNonNull(examples, "examples is null"));
        this.every = every;
        this.seed = seed;
    }

    /**
     * The fixed held-out set of each task, drawn evenly across the held-out documents; warns, naming the task, where a
     * set has fewer examples than asked.
     */
    public static Map<String, HeldOutSet> heldOutSets(List<ActiveTask> tasks, DocumentSource heldOut, DocumentSource training,
            Vocabulary vocabulary, int examplesPerTask, int batchSize, int maxLength, long seed)
    {
        Map<String, HeldOutSet> sets = new LinkedHashMap<>();
        for (ActiveTask task : tasks) {
            HeldOutSet set = HeldOutSet.draw(task, heldOut, training, vocabulary, examplesPerTask, batchSize, maxLength, seed);
            if (set.examples() < examplesPerTask) {
                LOG.warn("task {}: the {} held-out documents give {} examples, fewer than the {} asked (evaluation.examples); its held-out"
                        + " figures rest on fewer items and have wider intervals", task.name(), heldOut.size(), set.examples(), examplesPerTask);
            }
            LOG.info("task {}: {} held-out examples from {} documents, {} labelled items; majority label {}, layout only {}", task.name(),
                    set.examples(), set.documents(), set.baseline().items(), percent(set.baseline().majority()), percent(set.baseline().layout()));
            sets.put(task.name(), set);
        }
        return sets;
    }

    /** Whether an evaluation is due after {@code completed} steps. */
    public boolean due(long completed)
    {
        if (completed <= 0 || examples.values().stream().allMatch(HeldOutSet::isEmpty)) {
            return false;
        }
        if (every > 0 && completed % every == 0) {
            return true;
        }
        return schedule.stages().stream().anyMatch(stage -> stage.length() > 0 && stage.endStep() == completed);
    }

    /** Evaluates the tasks introduced before {@code completed} steps. */
    public List<TaskEvaluation> evaluate(long completed)
    {
        int stage = stageOf(completed - 1);
        List<TaskEvaluation> results = new ArrayList<>();
        for (int index = 0; index < tasks.size(); index++) {
            ActiveTask task = tasks.get(index);
            HeldOutSet set = examples.get(task.name());
            if (set == null || set.isEmpty() || introducedAt(index) >= completed) {
                continue;
            }
            results.add(evaluate(task, set, completed, stage));
        }
        return results;
    }

    private TaskEvaluation evaluate(ActiveTask task, HeldOutSet set, long completed, int stage)
    {
        double lossSum = 0;
        long items = 0;
        long[] correctByDocument = new long[set.documentSlots()];
        long[] labelledByDocument = new long[set.documentSlots()];
        ClassTally byClass = ClassTally.of(task.head().head());
        for (int b = 0; b < set.batches().size(); b++) {
            Batch batch = set.batches().get(b);
            Evaluation evaluation = engine.evaluate(task.head(), batch);
            // Batch losses are means over their own labelled items (examples, for a custom head): weight them back
            // into one mean over the whole set.
            long weight = evaluation.labelled() > 0 ? evaluation.labelled() : batch.size();
            lossSum += evaluation.loss() * weight;
            items += weight;
            tally(batch, set.documentOf(b), evaluation.rightItems(), correctByDocument, labelledByDocument);
            byClass.add(batch, evaluation.rightItems(), evaluation.predictions());
        }
        long correct = sum(correctByDocument);
        long scored = sum(labelledByDocument);
        double accuracy = scored == 0 ? Double.NaN : (double) correct / scored;
        AccuracyInterval interval = scored == 0 ? AccuracyInterval.UNKNOWN
                : AccuracyInterval.of(withItems(correctByDocument, labelledByDocument), withItems(labelledByDocument, labelledByDocument),
                        Seeds.mix(Seeds.mix(seed, task.name()), INTERVAL_STREAM, completed));
        return new TaskEvaluation(completed, stage, task.name(), lossSum / items, accuracy, scored, set.examples(), set.documents(), interval,
                set.baseline(), byClass.result());
    }

    /** Adds each labelled item of a batch, right or not, to the counts of the document its example came from. */
    private static void tally(Batch batch, int[] documentOf, BitSet rightItems, long[] correct, long[] labelled)
    {
        int[] owners = ItemOwners.of(batch);
        for (int item = 0; item < owners.length; item++) {
            if (owners[item] == ItemOwners.UNLABELLED) {
                continue;
            }
            int document = documentOf[owners[item]];
            labelled[document]++;
            if (rightItems.get(item)) {
                correct[document]++;
            }
        }
    }

    /** The counts of the documents that have labelled items. */
    private static long[] withItems(long[] counts, long[] labelled)
    {
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (labelled[i] > 0) {
                kept.add(counts[i]);
            }
        }
        return kept.stream().mapToLong(Long::longValue).toArray();
    }

    private static long sum(long[] values)
    {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }

    private static String percent(double value)
    {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** The first step at which the schedule trains a task. */
    private long introducedAt(int task)
    {
        for (Stage stage : schedule.stages()) {
            if (stage.iterations().get(task) > 0) {
                return stage.firstStep();
            }
        }
        return Long.MAX_VALUE;
    }

    private int stageOf(long step)
    {
        for (Stage stage : schedule.stages()) {
            if (step >= stage.firstStep() && step < stage.endStep()) {
                return stage.index();
            }
        }
        return schedule.stages().size() - 1;
    }
}
