package org.ernie4j.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.ScheduleEvent;
import org.ernie4j.core.training.data.ExampleStream;
import org.ernie4j.core.training.data.StreamPosition;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The tasks of a run by id, retired ones included: which joined when and from where, which left when, and each one's
 * batches over the training documents. A task that joins takes the next id and adds its head to the model; a task that
 * leaves keeps its id and head. This is what a checkpoint's task table and schedule events record.
 */
final class TaskRoster
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(TaskRoster.class);

    private final SessionSetup setup;
    private final DocumentSource training;
    private final DocumentSource heldOut;
    private final ModelParameters parameters;
    private final ParameterInitializer initializer;
    private final List<ActiveTask> tasks = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();
    private final Map<String, Long> introducedAt = new LinkedHashMap<>();
    private final Map<String, Long> retiredAt = new LinkedHashMap<>();
    private final List<ScheduleEvent> events = new ArrayList<>();
    private final Map<String, BatchSource> batches = new LinkedHashMap<>();

    /** A change of the tasks at a step boundary: the schedule it leaves and what happened, in words. */
    record Change(TaskSchedule schedule, String description)
    {
        Change
        {
            requireNonNull(schedule, "schedule is null");
            requireNonNull(description, "description is null");
        }
    }

    /**
     * @param training the documents the tasks' batches are drawn from
     * @param heldOut the documents held out for evaluation, which tasks draw second documents from for held-out examples
     * @param parameters the model, which each joining task's head is added to
     */
    TaskRoster(SessionSetup setup, DocumentSource training, DocumentSource heldOut, ModelParameters parameters)
    {
        this.setup = requireNonNull(setup, "setup is null");
        this.training = requireNonNull(training, "training is null");
        this.heldOut = requireNonNull(heldOut, "heldOut is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.initializer = new ParameterInitializer(setup.training().seed(), setup.encoder().initializerRange());
    }

    /**
     * Activates a task as the next id, adds its head (from {@code starting} where it holds it, else from the seed) and
     * opens its batches at {@code position} (or at the start).
     *
     * @throws IllegalStateException if every row of the task embedding is taken
     */
    ActiveTask join(TaskSetup task, String origin, StreamPosition position, StartingWeights starting)
    {
        int id = tasks.size();
        if (id >= setup.encoder().taskTypes()) {
            throw new IllegalStateException("task " + task.name() + " cannot join: the task embedding has " + setup.encoder().taskTypes()
                    + " rows and all are taken (model.task-types)");
        }
        ActiveTask active = ActiveTask.activate(task.task(), id, task.settings(), setup.vocabulary(), setup.training().sequenceLength(), training,
                heldOut);
        List<ParameterSpec> head = HeadLayout.parameters(active.name(), active.head().head(), setup.encoder());
        List<String> adopted = starting.adopt(parameters, head);
        if (!adopted.isEmpty()) {
            LOG.info("task {} starts with its head from the initial weights: {}", active.name(), adopted);
        }
        parameters.addMissing(head, initializer);
        ExampleStream.Builder stream = ExampleStream.builder()
                .task(active.name(), active.labels())
                .documents(training)
                .reporter(active.reporter())
                .seed(setup.training().seed())
                .maxLength(setup.training().sequenceLength())
                .openDocuments(setup.training().openDocuments());
        batches.put(active.name(), new BatchSource(stream, position, setup.training().batchSize(), setup.vocabulary().padId(),
                setup.training().batchesAhead(), "batches-" + active.name()));
        tasks.add(active);
        origins.add(origin);
        return active;
    }

    /** Records the step from which the schedule trains {@code task}. */
    void introduce(String task, long step)
    {
        introducedAt.put(task, step);
    }

    /** Takes back when a task that has {@linkplain #join joined} again joined and left, as a checkpoint's task table says. */
    void restore(CheckpointManifest.TaskRecord record)
    {
        introducedAt.put(record.name(), record.introducedAtStep());
        if (record.retiredAtStep() != null) {
            retiredAt.put(record.name(), record.retiredAtStep());
        }
    }

    /** Joins or retires a task at {@code step} as {@link #add} and {@link #retire} say. */
    Optional<Change> change(TaskChange change, TaskSchedule schedule, long step)
    {
        return change instanceof TaskChange.Join join ? add(join, schedule, step) : retire((TaskChange.Retire) change, schedule, step);
    }

    /**
     * A task joins at {@code step} as the newest stage of {@code schedule}; nothing changes (empty) if it is part of the run
     * already, retired or not.
     *
     * @throws RuntimeException if the schedule cannot grow or the task cannot join; the roster's tasks and events are then as
     *         they were
     */
    Optional<Change> add(TaskChange.Join join, TaskSchedule schedule, long step)
    {
        String name = join.task().name();
        if (indexOf(name) >= 0) {
            LOG.info("task {} from {} is already part of this run{}; nothing changes", name, join.origin(),
                    retiredAt.containsKey(name) ? " (retired at step " + retiredAt.get(name) + "; it comes back in a later run)" : "");
            return Optional.empty();
        }
        TaskSchedule grown = schedule.withTaskAdded(step, setup.training().stepsPerTask());
        ActiveTask task = join(join.task(), join.origin(), null, StartingWeights.NONE);
        introducedAt.put(name, step);
        events.add(new ScheduleEvent(ScheduleEvent.ADDED, name, step));
        return Optional.of(new Change(grown, "task " + name + " (from " + join.origin() + ") joined as task id " + task.head().taskId()));
    }

    /**
     * A task leaves {@code schedule} at {@code step}; nothing changes (empty) for a task that is not part of the run or has
     * left already.
     */
    Optional<Change> retire(TaskChange.Retire retire, TaskSchedule schedule, long step)
    {
        int index = indexOf(retire.task());
        if (index < 0 || retiredAt.containsKey(retire.task())) {
            return Optional.empty();
        }
        TaskSchedule shrunk = schedule.withTaskRetired(step, index);
        retiredAt.put(retire.task(), step);
        events.add(new ScheduleEvent(ScheduleEvent.RETIRED, retire.task(), step));
        return Optional.of(new Change(shrunk, "task " + retire.task() + " left the schedule (" + retire.reason() + "); its head stays in the checkpoints"));
    }

    /** Takes back the joins and retirements a checkpoint recorded, in order. */
    void restoreEvents(List<ScheduleEvent> recorded)
    {
        events.addAll(recorded);
    }

    /** {@code base} with every recorded join and retirement applied in order: the schedule the run had. */
    TaskSchedule replay(TaskSchedule base)
    {
        TaskSchedule replayed = base;
        for (ScheduleEvent event : events) {
            replayed = event.kind().equals(ScheduleEvent.ADDED)
                    ? replayed.withTaskAdded(event.step(), setup.training().stepsPerTask())
                    : replayed.withTaskRetired(event.step(), indexOf(event.task()));
        }
        if (replayed.taskCount() != tasks.size()) {
            throw new IllegalStateException("the checkpoint's schedule events describe " + replayed.taskCount() + " tasks but its task table has "
                    + tasks.size());
        }
        return replayed;
    }

    /** What {@code schedule} trains: these tasks with their batches, and the masked-LM task of every step if configured. */
    TrainingPlan plan(TaskSchedule schedule)
    {
        Optional<ActiveTask> maskedLm = setup.schedule().maskedLm().map(name -> {
            ActiveTask task = tasks.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
            if (!(task.head().head() instanceof MaskedTokenHead)) {
                throw new IllegalArgumentException("schedule.masked-lm-every-step: task " + name + " has a " + task.head().head()
                        + " head, not a masked-token head");
            }
            return task;
        });
        return new TrainingPlan(schedule, tasks, batches, maskedLm, setup.training().seed());
    }

    /** The task table of a checkpoint: every task by id with when it joined and left, its head, class and origin. */
    List<CheckpointManifest.TaskRecord> records()
    {
        List<CheckpointManifest.TaskRecord> records = new ArrayList<>();
        for (int id = 0; id < tasks.size(); id++) {
            ActiveTask task = tasks.get(id);
            Long introduced = introducedAt.get(task.name());
            if (introduced == null) {
                throw new IllegalStateException("task " + task.name() + " joined but was never introduced to the schedule");
            }
            records.add(new CheckpointManifest.TaskRecord(task.name(), id, introduced, task.head().head().toString(),
                    task.task().getClass().getName(), origins.get(id), retiredAt.get(task.name())));
        }
        return records;
    }

    List<ScheduleEvent> events()
    {
        return List.copyOf(events);
    }

    /** Where each task's data stands: the position after the last batch handed out. */
    Map<String, StreamPosition> positions()
    {
        Map<String, StreamPosition> positions = new LinkedHashMap<>();
        batches.forEach((name, source) -> positions.put(name, source.position()));
        return positions;
    }

    /** Every task by id, retired ones included. */
    List<ActiveTask> tasks()
    {
        return List.copyOf(tasks);
    }

    /** The id of the task called {@code name}, or -1. */
    int indexOf(String name)
    {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close()
    {
        batches.values().forEach(BatchSource::close);
    }
}
