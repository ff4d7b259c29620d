package org.ernie4j.runner.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.run.RunRecords;
import org.ernie4j.core.training.StepRecord;

import static java.util.Objects.requireNonNull;

/**
 * What one pre-training arm spent: steps, batches (a step that adds a masked-LM batch reads two), input positions
 * (batches x batch size x sequence length, the budget an experiment equalises), the real (non-padding) tokens of those
 * batches, and the time its steps took. Read from a run directory's {@code metrics.jsonl} and {@code config.yaml}.
 *
 * @param maskedLmTokens real tokens of the added masked-LM batches, or {@link StepRecord#NOT_RECORDED} when the log
 *        predates their recording and some step added one
 * @param stepSeconds the steps' wall time (data waits included; held-out evaluations, checkpoints and start-up not)
 * @param medianStepSeconds the median step's wall time: unlike the sum, not moved by a few steps during which the process
 *        was stopped or the machine busy
 * @param stepsPerTask steps per task, in order of first appearance
 */
public record PretrainingBudget(String arm, long steps, long maskedLmBatches, long positions, long tokens, long maskedLmTokens,
        double stepSeconds, double medianStepSeconds, double dataSeconds, Map<String, Long> stepsPerTask)
{
    public PretrainingBudget
    {
        requireNonNull(arm, "arm is null");
        stepsPerTask = Collections.unmodifiableMap(new LinkedHashMap<>(stepsPerTask));
    }

    public long batches()
    {
        return steps + maskedLmBatches;
    }

    /** The arm's budget from its run directory; a step logged twice (a resumed run) counts once, as last logged. */
    public static PretrainingBudget read(String arm, Path runDirectory)
    {
        Path config = runDirectory.resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException(runDirectory + " is not a pre-training run directory: it has no config.yaml");
        }
        ErnieConfig settings = new ConfigLoader().load(config);
        Map<Long, StepRecord> byStep = new TreeMap<>();
        for (StepRecord step : RunRecords.read(runDirectory).steps()) {
            byStep.put(step.step(), step);
        }
        long positionsPerBatch = (long) settings.training().batchSize() * settings.training().sequenceLength();
        long maskedLmBatches = 0;
        long tokens = 0;
        long maskedLmTokens = 0;
        double seconds = 0;
        double dataSeconds = 0;
        Map<String, Long> stepsPerTask = new LinkedHashMap<>();
        for (StepRecord step : byStep.values()) {
            tokens += step.tokens();
            seconds += step.seconds();
            dataSeconds += step.dataSeconds();
            stepsPerTask.merge(step.task(), 1L, Long::sum);
            if (!Double.isNaN(step.maskedLmLoss())) {
                maskedLmBatches++;
                maskedLmTokens = step.maskedLmTokens() == StepRecord.NOT_RECORDED || maskedLmTokens == StepRecord.NOT_RECORDED
                        ? StepRecord.NOT_RECORDED
                        : maskedLmTokens + step.maskedLmTokens();
            }
        }
        long steps = byStep.size();
        double[] stepTimes = byStep.values().stream().mapToDouble(StepRecord::seconds).sorted().toArray();
        double median = stepTimes.length == 0 ? Double.NaN
                : (stepTimes[(stepTimes.length - 1) / 2] + stepTimes[stepTimes.length / 2]) / 2;
        return new PretrainingBudget(arm, steps, maskedLmBatches, (steps + maskedLmBatches) * positionsPerBatch, tokens, maskedLmTokens,
                seconds, median, dataSeconds, stepsPerTask);
    }

    /** Whether {@code directory} holds a run's step log. */
    public static boolean isRun(Path directory)
    {
        return Files.isRegularFile(directory.resolve(PretrainingRun.METRICS));
    }
}
