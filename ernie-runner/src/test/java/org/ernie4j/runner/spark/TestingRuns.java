package org.ernie4j.runner.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.embed.ErnieCoreModule;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.run.ResumeMode;
import org.ernie4j.core.run.RunOutcome;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.training.StepComputer;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * Tiny pre-training runs of one configuration over the test corpus, prepared once, with the steps computed locally or by
 * Spark; and what they leave behind (losses, the newest checkpoint).
 */
final class TestingRuns
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PretrainingRun run;
    private final ErnieConfig config;
    private final PreparedCorpus corpus;

    TestingRuns(String configResource, Path prepared)
    {
        Injector injector = Guice.createInjector(new ErnieCoreModule(TestingRuns.class.getClassLoader()));
        this.run = injector.getInstance(PretrainingRun.class);
        this.config = injector.getInstance(ConfigLoader.class).load(resource(configResource));
        this.corpus = injector.getInstance(CorpusPreparation.class)
                .prepareOrOpen(resource("tiny-corpus"), prepared, CorpusPreparation.options(config, false), PrepareListener.NONE);
    }

    /** Trains in {@code directory} (continuing from its newest checkpoint if it has one) at most {@code maxSteps} steps. */
    RunOutcome train(Path directory, StepComputer.Factory steps, long maxSteps)
    {
        return run.withSteps(steps).run(config, corpus, directory, ResumeMode.AUTO, maxSteps, List.of(), session -> { });
    }

    static List<Double> losses(Path directory)
    {
        return column(directory, "loss");
    }

    /** A field of every step's metrics line, in order. */
    static List<Double> column(Path directory, String field)
    {
        try {
            List<Double> values = new ArrayList<>();
            for (String line : Files.readAllLines(directory.resolve(PretrainingRun.METRICS))) {
                JsonNode value = JSON.readTree(line).path(field);
                values.add(value.isNumber() ? value.asDouble() : Double.NaN);
            }
            return values;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadedCheckpoint newest(Path directory)
    {
        return new CheckpointStore(directory.resolve("checkpoints"), 10).latest().orElseThrow();
    }

    static Map<String, INDArray> parameters(Path directory)
    {
        return newest(directory).parameters();
    }

    private static Path resource(String name)
    {
        try {
            return Path.of(TestingRuns.class.getResource("/" + name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
