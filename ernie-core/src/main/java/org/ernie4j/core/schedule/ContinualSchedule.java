package org.ernie4j.core.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ernie4j.core.random.Seeds;

/**
 * ERNIE 2.0's continual multi-task schedule. Every task gets the same budget of N iterations. With T tasks introduced
 * one per stage, u = floor(N / (T + 1)): in stage i each earlier task gets u iterations and the newest task the rest of
 * what it needs to finish with exactly N by the last stage, which is (i + 2) u when u divides N. Within a stage, each
 * step's task is drawn with probability proportional to its remaining budget in the stage, so the tasks stay
 * interleaved to the stage's end.
 */
public final class ContinualSchedule
        implements TaskSchedule
{
    private final List<Stage> stages;
    private final byte[] tasks;

    private ContinualSchedule(List<Stage> stages, byte[] tasks)
    {
        this.stages = stages;
        this.tasks = tasks;
    }

    /**
     * @param taskCount the number of tasks, introduced in order
     * @param iterationsPerTask N, each task's total budget
     * @param seed the run seed
     */
    public static ContinualSchedule of(int taskCount, long iterationsPerTask, long seed)
    {
        if (taskCount < 1 || taskCount > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("task count must be in [1, 127]: " + taskCount);
        }
        if (iterationsPerTask < taskCount + 1) {
            throw new IllegalArgumentException("iterations per task (" + iterationsPerTask + ") must be at least the number of tasks plus one ("
                    + (taskCount + 1) + ") so that every stage gets an iteration of every introduced task");
        }
        long unit = iterationsPerTask / (taskCount + 1);
        long total = iterationsPerTask * taskCount;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the schedule has " + total + " steps, more than " + Integer.MAX_VALUE);
        }
        List<Stage> stages = new ArrayList<>();
        byte[] sequence = new byte[(int) total];
        long step = 0;
        for (int stage = 0; stage < taskCount; stage++) {
            List<Long> iterations = new ArrayList<>();
            for (int task = 0; task < taskCount; task++) {
                if (task < stage) {
                    iterations.add(unit);
                }
                else if (task == stage) {
                    // What the newest task still needs after one unit in each later stage.
                    iterations.add(iterationsPerTask - (long) (taskCount - 1 - stage) * unit);
                }
                else {
                    iterations.add(0L);
                }
            }
            Stage current = new Stage(stage, step, iterations);
            fill(sequence, current, Seeds.random(seed, 0x5354414745L, stage));
            stages.add(current);
            step = current.endStep();
        }
        return new ContinualSchedule(List.copyOf(stages), sequence);
    }

    private static void fill(byte[] sequence, Stage stage, SplittableRandom random)
    {
        long[] remaining = stage.iterations().stream().mapToLong(Long::longValue).toArray();
        long left = stage.length();
        for (long step = stage.firstStep(); step < stage.endStep(); step++) {
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
