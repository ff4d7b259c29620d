package org.ernie4j.core.training;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Logs gradient-norm spikes: a step whose norm is many times the median of the task's recent steps. A spike is often
 * the first sign of a run about to diverge, or of a bad batch; clipping hides it from the update, so it is told here.
 *
 * <p>Spikes come in bursts (after a task joins, every older task's norms jump for a while): a task's first spike is
 * told in full, and the ones in the next {@value #QUIET_STEPS} steps are only counted, in the next warning of that task.
 */
final class GradientSpikes
{
    private static final Logger LOG = LoggerFactory.getLogger(GradientSpikes.class);
    private static final int WINDOW = 50;
    private static final int MINIMUM_HISTORY = 20;
    private static final double FACTOR = 10;
    static final int QUIET_STEPS = 100;

    private final Consumer<String> warnings;
    private final Map<String, Deque<Double>> recent = new HashMap<>();
    private final Map<String, Burst> bursts = new HashMap<>();

    GradientSpikes()
    {
        this(LOG::warn);
    }

    GradientSpikes(Consumer<String> warnings)
    {
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    /** Spikes of one task not told yet, since its last warning. */
    private static final class Burst
    {
        private final long toldAt;
        private long untold;
        private long lastUntold;
        private double largest;

        Burst(long toldAt)
        {
            this.toldAt = toldAt;
        }
    }

    /** Returns true when {@code norm} is a spike for {@code task}; warns, or counts the spike for the next warning. */
    boolean observe(long step, String task, double norm)
    {
        Deque<Double> history = recent.computeIfAbsent(task, name -> new ArrayDeque<>());
        boolean spike = false;
        if (history.size() >= MINIMUM_HISTORY) {
            double[] sorted = history.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            if (median > 0 && norm > FACTOR * median) {
                spike = true;
                tell(step, task, norm, median, history.size());
            }
        }
        history.addLast(norm);
        if (history.size() > WINDOW) {
            history.removeFirst();
        }
        return spike;
    }

    private void tell(long step, String task, double norm, double median, int steps)
    {
        Burst burst = bursts.get(task);
        if (burst != null && step - burst.toldAt < QUIET_STEPS) {
            burst.untold++;
            burst.lastUntold = step;
            burst.largest = Math.max(burst.largest, norm / median);
            return;
        }
        String earlier = burst == null || burst.untold == 0 ? "" : String.format(Locale.ROOT, " (and %d more of this task from step %d to %d,"
                + " up to %.1f times the median, not shown one by one)", burst.untold, burst.toldAt + 1, burst.lastUntold, burst.largest);
        warnings.accept(String.format(Locale.ROOT, "gradient norm spike at step %d (task %s): %.4g is %.1f times the median %.4g of its last %d steps%s",
                step, task, norm, norm / median, median, steps, earlier));
        bursts.put(task, new Burst(step));
    }
}
