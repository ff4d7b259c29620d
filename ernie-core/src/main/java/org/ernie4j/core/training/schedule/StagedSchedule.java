package org.ernie4j.core.training.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.ernie4j.core.support.Seeds;

/**
 * A schedule of stages, each giving every task a number of iterations; within a stage each step's task is drawn with
 * probability proportional to its remaining budget in the stage, so the tasks stay interleaved to the stage's end.
 *
 * <p>Three plans are the paper's regimes:
 * <ul>
 * <li>{@link #continual}: ERNIE 2.0's continual multi-task learning. Every task gets the same budget of N iterations.
 * With T tasks introduced one per stage, u = floor(N / (T + 1)): in stage i each earlier task gets u iterations and the
 * newest task the rest of what it needs to end with exactly N by the last stage, which is (i + 2) u when u divides
 * N.</li>
 * <li>{@link #sequential}: traditional continual learning, one task per stage, N iterations each.</li>
 * <li>{@link #simultaneous}: multi-task learning from scratch, every task in one stage, N iterations each.</li>
 * </ul>
 * A schedule is a pure function of its plan and seed; {@link #withTaskAdded} grows it while training runs.
 */
public final class StagedSchedule
        implements TaskSchedule
{
    private static final long STAGE_STREAM = 0x5354414745L;

    private final List<Stage> stages;
    private final byte[] tasks;
    private final long seed;
    private final long iterationsPerTask;
    /** Tasks taken out of the schedule: they get no more iterations, not even when another task joins. */
    private final Set<Integer> retired;

    private StagedSchedule(List<Stage> stages, byte[] tasks, long seed, long iterationsPerTask, Set<Integer> retired)
    {
        this.stages = List.copyOf(stages);
        this.tasks = tasks;
        this.seed = seed;
        this.iterationsPerTask = iterationsPerTask;
        this.retired = Set.copyOf(retired);
    }

    /** ERNIE 2.0's continual multi-task schedule of {@code taskCount} tasks introduced in order. */
    public static StagedSchedule continual(int taskCount, long iterationsPerTask, long seed)
    {
        checkTaskCount(taskCount);
        if (iterationsPerTask < taskCount + 1) {
            throw new IllegalArgumentException("iterations per task (" + iterationsPerTask + ") must be at least the number of tasks plus one ("
                    + (taskCount + 1) + ") so that every stage gets an iteration of every introduced task");
        }
        long unit = iterationsPerTask / (taskCount + 1);
        List<long[]> plan = new ArrayList<>();
        for (int stage = 0; stage < taskCount; stage++) {
            long[] iterations = new long[taskCount];
            for (int task = 0; task < stage; task++) {
                iterations[task] = unit;
            }
            // What the newest task still needs after one unit in each later stage.
            iterations[stage] = iterationsPerTask - (long) (taskCount - 1 - stage) * unit;
            plan.add(iterations);
        }
        return build(plan, seed, iterationsPerTask, new byte[0], Set.of());
    }

    /** One task per stage, each trained for its whole budget and then never again. */
    public static StagedSchedule sequential(int taskCount, long iterationsPerTask, long seed)
    {
        checkTaskCount(taskCount);
        List<long[]> plan = new ArrayList<>();
        for (int stage = 0; stage < taskCount; stage++) {
            long[] iterations = new long[taskCount];
            iterations[stage] = iterationsPerTask;
            plan.add(iterations);
        }
        return build(plan, seed, iterationsPerTask, new byte[0], Set.of());
    }

    /** Every task from the first step, in one stage. */
    public static StagedSchedule simultaneous(int taskCount, long iterationsPerTask, long seed)
    {
        checkTaskCount(taskCount);
        long[] iterations = new long[taskCount];
        Arrays.fill(iterations, iterationsPerTask);
        return build(List.of(iterations), seed, iterationsPerTask, new byte[0], Set.of());
    }

    /**
     * This schedule with one more task, joining at {@code step}: the steps before it stay exactly as they were; the
     * current stage ends there, and one last stage follows in which the new task trains its whole budget and every
     * earlier task what remains of its budget, but at least u = floor(iterations / (T + 1)) iterations (T tasks with the
     * new one), the paper's share of an earlier task in the newest stage. So earlier tasks keep training beside the new
     * one even when the old schedule was done; a task whose remaining budget was below u ends with a little more than
     * its budget.
     */
    @Override
    public StagedSchedule withTaskAdded(long step, long iterations)
    {
        checkStep(step);
        int taskCount = taskCount();
        checkTaskCount(taskCount + 1);
        List<long[]> plan = donePlan(step, taskCount + 1);
        long[] done = sum(plan, taskCount + 1);
        long[] last = new long[taskCount + 1];
        long unit = iterations / (taskCount + 2);
        for (int task = 0; task < taskCount; task++) {
            last[task] = Math.max(totalOf(task) - done[task], retired.contains(task) ? 0 : unit);
        }
        last[taskCount] = iterations;
        plan.add(last);
        return build(plan, seed, Arrays.copyOf(tasks, (int) step), retired);
    }

    /** The paper's growth: the new task gets the same budget as the others. */
    public StagedSchedule withTaskAdded(long step)
    {
        return withTaskAdded(step, iterationsPerTask);
    }

    /**
     * This schedule without {@code task}'s remaining iterations from {@code step} on: the steps before it stay as they
     * were; the rest of the current stage and the later stages keep their other tasks' iterations.
     */
    @Override
    public StagedSchedule withTaskRetired(long step, int task)
    {
        checkStep(step);
        int taskCount = taskCount();
        if (task < 0 || task >= taskCount) {
            throw new IllegalArgumentException("no task " + task + " in a schedule of " + taskCount + " tasks");
        }
        List<long[]> plan = donePlan(step, taskCount);
        for (Stage stage : stages) {
            if (stage.endStep() <= step) {
                continue;
            }
            long[] remaining = stage.iterations().stream().mapToLong(Long::longValue).toArray();
            if (stage.firstStep() < step) {
                for (long s = stage.firstStep(); s < step; s++) {
                    remaining[tasks[(int) s]]--;
                }
            }
            remaining[task] = 0;
            plan.add(remaining);
        }
        Set<Integer> nowRetired = new HashSet<>(retired);
        nowRetired.add(task);
        return build(plan, seed, Arrays.copyOf(tasks, (int) step), nowRetired);
    }

    /** The stages before {@code step}, the current one cut at {@code step}, each with what was trained in it. */
    private List<long[]> donePlan(long step, int width)
    {
        List<long[]> plan = new ArrayList<>();
        for (Stage stage : stages) {
            if (stage.firstStep() >= step) {
                break;
            }
            long[] iterations = new long[width];
            for (long s = stage.firstStep(); s < Math.min(step, stage.endStep()); s++) {
                iterations[tasks[(int) s]]++;
            }
            plan.add(iterations);
        }
        return plan;
    }

    private static long[] sum(List<long[]> plan, int width)
    {
        long[] total = new long[width];
        for (long[] iterations : plan) {
            for (int task = 0; task < width; task++) {
                total[task] += iterations[task];
            }
        }
        return total;
    }

    private void checkStep(long step)
    {
        if (step < 0 || step > tasks.length) {
            throw new IllegalArgumentException("step " + step + " is outside the schedule of " + tasks.length + " steps");
        }
    }

    private long totalOf(int task)
    {
        long total = 0;
        for (Stage stage : stages) {
            total += stage.iterations().get(task);
        }
        return total;
    }

    private StagedSchedule build(List<long[]> plan, long seed, byte[] prefix, Set<Integer> retiredTasks)
    {
        return build(plan, seed, iterationsPerTask, prefix, retiredTasks);
    }

    /** Builds stages from a plan; the first {@code prefix.length} steps are taken as given instead of drawn. */
    private static StagedSchedule build(List<long[]> plan, long seed, long iterationsPerTask, byte[] prefix, Set<Integer> retiredTasks)
    {
        long total = 0;
        for (long[] iterations : plan) {
            total += Arrays.stream(iterations).sum();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the schedule has " + total + " steps, more than " + Integer.MAX_VALUE);
        }
        byte[] sequence = new byte[(int) total];
        System.arraycopy(prefix, 0, sequence, 0, prefix.length);
        List<Stage> stages = new ArrayList<>();
        long step = 0;
        for (int index = 0; index < plan.size(); index++) {
            Stage stage = new Stage(index, step, Arrays.stream(plan.get(index)).boxed().toList());
            if (stage.endStep() > prefix.length) {
                fill(sequence, stage, Math.max(stage.firstStep(), prefix.length), Seeds.random(seed, STAGE_STREAM, index));
            }
            stages.add(stage);
            step = stage.endStep();
        }
        return new StagedSchedule(stages, sequence, seed, iterationsPerTask, retiredTasks);
    }

    /** Draws the steps of {@code stage} from {@code from} on, given those before {@code from} (the prefix). */
    private static void fill(byte[] sequence, Stage stage, long from, SplittableRandom random)
    {
        long[] remaining = stage.iterations().stream().mapToLong(Long::longValue).toArray();
        for (long step = stage.firstStep(); step < from; step++) {
            remaining[sequence[(int) step]]--;
        }
        long left = Arrays.stream(remaining).sum();
        for (long step = from; step < stage.endStep(); step++) {
            long draw = random.nextLong(left);
            int task = 0;
            while (draw >= remaining[task]) {
                draw -= remaining[task];
                task++;
            }
            remaining[task]--;
            left--;
            sequence[(int) step] = (byte) task;
        }
    }

    private static void checkTaskCount(int taskCount)
    {
        if (taskCount < 1 || taskCount > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("task count must be in [1, 127]: " + taskCount);
        }
    }

    @Override
    public long length()
    {
        return tasks.length;
    }

    @Override
    public int taskAt(long step)
    {
        if (step < 0 || step >= tasks.length) {
            throw new IndexOutOfBoundsException("step " + step + " is outside the schedule of " + tasks.length + " steps");
        }
        return tasks[(int) step];
    }

    @Override
    public List<Stage> stages()
    {
        return stages;
    }
}
