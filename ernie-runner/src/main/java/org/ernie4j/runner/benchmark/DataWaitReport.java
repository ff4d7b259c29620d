package org.ernie4j.runner.benchmark;

import java.util.List;
import java.util.Locale;

import org.ernie4j.core.training.benchmark.DataWait;

import static java.util.Objects.requireNonNull;

/**
 * How long the trainer's steps wait for data, with batches built when needed and built ahead on background threads.
 *
 * @param steps the timed steps of each measurement
 * @param tasks the tasks trained, in the order of the schedule
 */
public record DataWaitReport(List<DataWait.Result> results, int steps, List<String> tasks)
{
    public DataWaitReport
    {
        results = List.copyOf(requireNonNull(results, "results is null"));
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
    }

    public String markdown()
    {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nThe trainer's wait for data (`--data-steps %d`): the tasks %s on the multi-task schedule, reference"
                + " model, demo corpus, after 3 warm-up steps:%n%n| batches built | median step | median wait | longest wait | share of step time"
                + " waiting |%n| --- | --- | --- | --- | --- |%n", steps, String.join(", ", tasks)));
        for (DataWait.Result result : results) {
            text.append(String.format(Locale.ROOT, "| %s | %.3f s | %.1f ms | %.1f ms | %.2f%% |%n",
                    result.batchesAhead() == 0 ? "when needed" : result.batchesAhead() + " ahead, on background threads", result.medianStepSeconds(),
                    1000 * result.medianDataSeconds(), 1000 * result.maxDataSeconds(), 100 * result.waitingShare()));
        }
        return text.toString();
    }
}
