package org.ernie4j.core.training.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.support.Seeds;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * How fast each task's label generator turns prepared documents into examples: documents are read from the prepared
 * shards (decoding included) and passed through the generator in corpus order, for at least a given time and at least
 * one whole pass.
 */
@PublicApi
public final class LabelThroughput
{
    private LabelThroughput()
    {
    }

    /**
     * @param task the task, examples made and their positions (tokens), and the time it took
     */
    public record Rate(String task, long documents, long examples, long tokens, double seconds)
    {
        public Rate
        {
            requireNonNull(task, "task is null");
        }

        public double tokensPerSecond()
        {
            return seconds > 0 ? tokens / seconds : Double.NaN;
        }
    }

    /** Measures every task in turn on the same documents. */
    public static List<Rate> measure(List<ActiveTask> tasks, DocumentSource documents, long seed, double minimumSeconds)
    {
        List<Rate> rates = new ArrayList<>();
        for (ActiveTask task : tasks) {
            rates.add(measure(task, documents, seed, minimumSeconds));
        }
        return rates;
    }

    private static Rate measure(ActiveTask task, DocumentSource documents, long seed, double minimumSeconds)
    {
        long started = System.nanoTime();
        long examples = 0;
        long tokens = 0;
        long read = 0;
        double elapsed = 0;
        for (long pass = 0; read < documents.size() || elapsed < minimumSeconds; pass++) {
            for (int index = 0; index < documents.size(); index++) {
                Document document = documents.get(index);
                List<Example> made = task.labels().generate(document, Seeds.random(seed, pass, index));
                examples += made.size();
                for (Example example : made) {
                    tokens += example.length();
                }
                read++;
            }
            elapsed = (System.nanoTime() - started) / 1e9;
        }
        return new Rate(task.name(), read, examples, tokens, elapsed);
    }
}
