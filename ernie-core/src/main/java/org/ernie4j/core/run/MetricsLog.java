package org.ernie4j.core.run;

import java.nio.file.Path;
import java.util.Locale;

import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TrainingListener;

import static org.ernie4j.core.run.JsonLinesFile.number;

/**
 * A run's {@code metrics.jsonl}: one JSON line per training step (task, loss, accuracy, tokens, gradient norm,
 * learning rate, time).
 */
public final class MetricsLog
        implements TrainingListener, AutoCloseable
{
    private final JsonLinesFile file;

    private MetricsLog(JsonLinesFile file)
    {
        this.file = file;
    }

    /** Opens the log, keeping only the lines of steps before {@code firstStep}. */
    public static MetricsLog open(Path file, long firstStep)
    {
        return new MetricsLog(JsonLinesFile.open(file, firstStep - 1));
    }

    @Override
    public void onStep(StepRecord record)
    {
        file.append(String.format(Locale.ROOT,
                "{\"step\":%d,\"task\":\"%s\",\"loss\":%s,\"accuracy\":%s,\"examples\":%d,\"tokens\":%d,\"gradient_norm\":%s,"
                        + "\"learning_rate\":%s,\"seconds\":%.4f,\"data_seconds\":%.4f,\"masked_lm_loss\":%s,\"masked_lm_tokens\":%d}",
                record.step(), record.task(), number(record.loss()), number(record.accuracy()), record.examples(), record.tokens(),
                number(record.gradientNorm()), number(record.learningRate()), record.seconds(), record.dataSeconds(),
                number(record.maskedLmLoss()), record.maskedLmTokens()));
    }

    @Override
    public void onCheckpoint(long step, Path directory)
    {
        file.flush();
    }

    @Override
    public void onFinish(long step)
    {
        file.flush();
    }

    @Override
    public void close()
    {
        file.close();
    }
}
