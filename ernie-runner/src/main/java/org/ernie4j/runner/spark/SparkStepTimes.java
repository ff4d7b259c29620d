package org.ernie4j.runner.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time of Spark jobs goes, job by job, for the benchmark (a job is a step, or a round of K steps): what the
 * driver does before the job, the job as the driver waits for it, the slowest shard's own computation inside it, and
 * the division or averaging after it.
 */
public final class SparkStepTimes
{
    private final List<double[]> steps = new ArrayList<>();

    synchronized void add(double prepare, double job, double slowestShard, double combine)
    {
        steps.add(new double[] {prepare, job, slowestShard, combine});
    }

    /** Forgets the steps so far (the warm-up, say). */
    public synchronized void reset()
    {
        steps.clear();
    }

    /** The median seconds of each part over the steps since the last reset, by a description of the part. */
    public synchronized Map<String, Double> medians()
    {
        Map<String, Double> medians = new LinkedHashMap<>();
        if (steps.isEmpty()) {
            return medians;
        }
        medians.put("driver: parameters (K > 1: and moments) copied, batches split, broadcast", median(0));
        medians.put("Spark job, as the driver waits for it", median(1));
        medians.put("  of which the slowest shard's own computation (K > 1: its K local steps)", median(2));
        List<Double> rest = new ArrayList<>();
        for (double[] step : steps) {
            rest.add(step[1] - step[2]);
        }
        medians.put("  of which Spark (scheduling, parameter copy on the worker, results serialized and added)", median(rest));
        medians.put("driver: sum divided into the batch's gradients (K > 1: averaged into the model)", median(3));
        return medians;
    }

    /**
     * The median over the jobs of what Spark itself added: all of a job's time on the driver and in Spark except the
     * slowest shard's own computation, which a single machine would have done too. NaN before any job.
     */
    public synchronized double medianOwnSeconds()
    {
        if (steps.isEmpty()) {
            return Double.NaN;
        }
        List<Double> own = new ArrayList<>();
        for (double[] step : steps) {
            own.add(step[0] + step[1] - step[2] + step[3]);
        }
        return median(own);
    }

    private double median(int part)
    {
        List<Double> values = new ArrayList<>();
        for (double[] step : steps) {
            values.add(step[part]);
        }
        return median(values);
    }

    private static double median(List<Double> values)
    {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
