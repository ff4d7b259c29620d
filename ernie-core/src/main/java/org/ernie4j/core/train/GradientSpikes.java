package org.ernie4j.core.train;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs gradient-norm spikes: a step whose norm is many times the median of the task's recent steps. A spike is often
 * the first sign of a run about to diverge, or of a bad batch; clipping hides it from the update, so it is told here.
 */
final class GradientSpikes
{
    private static final Logger LOG = LoggerFactory.getLogger(GradientSpikes.class);
    private static final int WINDOW = 50;
    private static final int MINIMUM_HISTORY = 20;
    private static final double FACTOR = 10;

    private final Map<String, Deque<Double>> recent = new HashMap<>();

    /** Returns true and logs a warning when {@code norm} is a spike for {@code task}. */
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
                LOG.warn("gradient norm spike at step {} (task {}): {} is {} times the median {} of its last {} steps", step, task,
                        String.format("%.4g", norm), String.format("%.1f", norm / median), String.format("%.4g", median), history.size());
            }
        }
        history.addLast(norm);
        if (history.size() > WINDOW) {
            history.removeFirst();
        }
        return spike;
    }
}
