package org.ernie4j.runner.benchmark;

import java.util.List;
import java.util.Locale;

import org.ernie4j.core.training.benchmark.LabelThroughput;

import static java.util.Objects.requireNonNull;

/**
 * How fast each task makes labelled examples from prepared shards, against the tokens per second the trainer consumes:
 * a task slower than the trainer would keep it waiting.
 */
public record LabelRateReport(List<LabelThroughput.Rate> rates, double trainerTokensPerSecond)
{
    public LabelRateReport
    {
        rates = List.copyOf(requireNonNull(rates, "rates is null"));
    }

    public String markdown()
    {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nLabel generation from prepared shards (demo corpus, one thread, sequence 128), against the trainer's"
                + " %.0f tokens/s above:%n%n| task | examples/s | tokens/s | times the trainer's tokens/s |%n| --- | --- | --- | --- |%n",
                trainerTokensPerSecond));
        for (LabelThroughput.Rate rate : rates) {
            text.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0fx |%n", rate.task(), rate.examples() / rate.seconds(),
                    rate.tokensPerSecond(), rate.tokensPerSecond() / trainerTokensPerSecond));
        }
        return text.toString();
    }
}
