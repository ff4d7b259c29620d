package org.ernie4j.runner.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.training.StepRecord;

/**
 * Each task's training loss against the step, smoothed by a moving average over the task's own last steps (a task's
 * steps are interleaved with other tasks', so smoothing over all steps would mix tasks).
 */
final class LossCurves
{
    private LossCurves()
    {
    }

    static Map<String, List<double[]>> smoothed(List<StepRecord> steps, int window)
    {
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        Map<String, Deque<Double>> recent = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        for (StepRecord step : steps) {
            if (!Double.isFinite(step.loss())) {
                continue;
            }
            Deque<Double> last = recent.computeIfAbsent(step.task(), task -> new ArrayDeque<>());
            double sum = sums.getOrDefault(step.task(), 0.0) + step.loss();
            last.addLast(step.loss());
            if (last.size() > window) {
                sum -= last.removeFirst();
            }
            sums.put(step.task(), sum);
            curves.computeIfAbsent(step.task(), task -> new ArrayList<>()).add(new double[] {step.step(), sum / last.size()});
        }
        return curves;
    }

    /** The first step of each task: where it joined the run. */
    static Map<String, Long> introductions(List<StepRecord> steps)
    {
        Map<String, Long> first = new LinkedHashMap<>();
        for (StepRecord step : steps) {
            first.putIfAbsent(step.task(), step.step());
        }
        return first;
    }
}
