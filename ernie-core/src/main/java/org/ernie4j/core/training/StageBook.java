package org.ernie4j.core.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.training.data.ExampleCounts;
import org.ernie4j.core.training.data.HeldOutSplit;
import org.ernie4j.core.training.evaluate.Evaluator;
import org.ernie4j.core.training.evaluate.HeldOutSet;
import org.ernie4j.core.training.evaluate.TaskEvaluation;
import org.ernie4j.core.training.schedule.Stage;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.LabelGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The stages of a run and the evaluations they call for: the schedule as it is now (grown or shrunk by tasks that joined
 * or left), the learning-rate decay that follows its length, and the held-out evaluation at the end of each stage.
 */
final class StageBook
{
    private static final Logger LOG = LoggerFactory.getLogger(StageBook.class);
    /** Documents read to estimate each task's data size for the proportional and temperature samplers. */
    private static final int DATA_SIZE_SAMPLE = 2000;

    private final SessionSetup setup;
    private final HeldOutSplit split;
    private final ModelEngine engine;
    private final TaskRoster roster;
    /** Each task's held-out set, drawn once: an evaluator is made anew for every stretch of training between task changes. */
    private final Map<String, HeldOutSet> heldOutSets = new LinkedHashMap<>();
    private TaskSchedule schedule;

    /**
     * @param engine evaluates the held-out sets
     * @param schedule the schedule the run starts or resumes with
     */
    StageBook(SessionSetup setup, HeldOutSplit split, ModelEngine engine, TaskRoster roster, TaskSchedule schedule)
    {
        this.setup = requireNonNull(setup, "setup is null");
        this.split = requireNonNull(split, "split is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.roster = requireNonNull(roster, "roster is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
    }

    /** The schedule of the configuration's tasks (the first of {@code tasks}), before any task joined or left. */
    static TaskSchedule base(SessionSetup setup, HeldOutSplit split, List<ActiveTask> tasks)
    {
        List<ActiveTask> configured = tasks.subList(0, setup.tasks().size());
        List<String> names = configured.stream().map(ActiveTask::name).toList();
        return setup.schedule().create(names, setup.training().stepsPerTask(), setup.training().seed(), () -> {
            List<LabelGenerator> generators = configured.stream().map(ActiveTask::labels).toList();
            long[] sizes = ExampleCounts.estimate(generators, split.training(), setup.training().seed(), DATA_SIZE_SAMPLE);
            LOG.info("examples per task, estimated for the sampler: {}", describe(names, sizes));
            return sizes;
        });
    }

    private static String describe(List<String> names, long[] sizes)
    {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(sizes[i]);
        }
        return text.toString();
    }

    /** The first step at which {@code schedule} trains {@code task}, or its length if it never does. */
    static long firstStepOf(TaskSchedule schedule, int task)
    {
        for (Stage stage : schedule.stages()) {
            if (stage.iterations().get(task) > 0) {
                return stage.firstStep();
            }
        }
        return schedule.length();
    }

    TaskSchedule schedule()
    {
        return schedule;
    }

    /** The schedule from now on, after a task joined or left. */
    void reschedule(TaskSchedule changed)
    {
        schedule = requireNonNull(changed, "changed is null");
    }

    /** What the schedule as it is now trains. */
    TrainingPlan plan()
    {
        return roster.plan(schedule);
    }

    /** The optimizer's settings for the schedule as it is now. */
    OptimizerSettings optimizerSettings()
    {
        // The learning rate decays to zero at the end of the schedule as it is now, grown by any task that joined.
        OptimizerSettings configured = setup.training().optimizer();
        return configured.withTotalSteps(Math.max(configured.totalSteps(), schedule.length()));
    }

    /** The evaluator of the tasks so far on their held-out sets, none if no documents are held out. */
    Optional<Evaluator> evaluator()
    {
        if (split.heldOut().size() == 0) {
            return Optional.empty();
        }
        List<ActiveTask> tasks = roster.tasks();
        List<ActiveTask> undrawn = tasks.stream().filter(task -> !heldOutSets.containsKey(task.name())).toList();
        heldOutSets.putAll(Evaluator.heldOutSets(undrawn, split.heldOut(), split.training(), setup.vocabulary(), setup.evaluation().examples(),
                setup.training().batchSize(), setup.training().sequenceLength(), setup.training().seed()));
        return Optional.of(new Evaluator(engine, schedule, tasks, heldOutSets, setup.evaluation().every(), setup.training().seed()));
    }

    /**
     * A task that joins or leaves ends the running stage at {@code step}, before the end the schedule had for it: every
     * task present is evaluated now, as at the end of any stage, or that stage would have no row in the forgetting matrix
     * (unless an evaluation falls on this step anyway).
     */
    void evaluateStageCutShort(long step, List<TrainingListener> listeners)
    {
        if (step == 0 || step >= schedule.length()) {
            return;
        }
        evaluator().filter(evaluator -> !evaluator.due(step)).ifPresent(evaluator -> {
            List<TaskEvaluation> results = evaluator.evaluate(step);
            listeners.forEach(listener -> listener.onEvaluation(results));
        });
    }

    /** The ids of the documents held out for evaluation. */
    List<String> heldOutDocuments()
    {
        return split.heldOutIds();
    }
}
