package org.ernie4j.core.training.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.training.PretrainingSession;
import org.ernie4j.core.training.RunOptions;
import org.ernie4j.core.training.SessionRequest;
import org.ernie4j.core.training.SessionSetup;
import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TrainingListener;

import static java.util.Objects.requireNonNull;

/**
 * How long the trainer waits for its batches: a real pre-training session (its tasks, its schedule, its corpus) runs a
 * number of steps, and each step's wait for data is set against the step's time. Run once with batches built when needed
 * and once with batches built ahead, it shows what the background building hides.
 */
@PublicApi
public final class DataWait
{
    private DataWait()
    {
    }

    /**
     * The steps of one session.
     *
     * @param batchesAhead batches each task built ahead
     * @param stepSeconds every timed step's wall time
     * @param dataSeconds every timed step's wait for batches, in the same order
     */
    public record Result(int batchesAhead, List<Double> stepSeconds, List<Double> dataSeconds)
    {
        public Result
        {
            stepSeconds = List.copyOf(requireNonNull(stepSeconds, "stepSeconds is null"));
            dataSeconds = List.copyOf(requireNonNull(dataSeconds, "dataSeconds is null"));
        }

        public double medianStepSeconds()
        {
            return median(stepSeconds);
        }

        public double medianDataSeconds()
        {
            return median(dataSeconds);
        }

        public double maxDataSeconds()
        {
            return dataSeconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** The share of all timed step time spent waiting for data. */
        public double waitingShare()
        {
            double total = stepSeconds.stream().mapToDouble(Double::doubleValue).sum();
            return dataSeconds.stream().mapToDouble(Double::doubleValue).sum() / total;
        }
    }

    /**
     * Trains {@code warmup + steps} steps of a fresh session of {@code setup} with {@code batchesAhead}, checkpointing
     * into {@code directory}, and keeps the last {@code steps}.
     */
    public static Result measure(SessionSetup setup, int batchesAhead, int warmup, int steps, Path directory)
    {
        if (warmup < 0 || steps < 1) {
            throw new IllegalArgumentException("need at least one timed step and no negative warm-up: " + warmup + ", " + steps);
        }
        SessionSetup measured = setup.withTraining(setup.training().withBatchesAhead(batchesAhead), directory);
        List<StepRecord> records = new ArrayList<>();
        TrainingListener collect = records::add;
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(measured))) {
            session.run(RunOptions.of(List.of(collect)).withMaxSteps(warmup + steps));
        }
        List<StepRecord> timed = records.subList(Math.min(warmup, records.size()), records.size());
        return new Result(batchesAhead, timed.stream().map(StepRecord::seconds).toList(), timed.stream().map(StepRecord::dataSeconds).toList());
    }

    private static double median(List<Double> values)
    {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
