package org.ernie4j.core.config;

import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fine-tuning run: which pre-trained encoder, which labelled data, how to train, where to write the model.
 *
 * @param model a pre-training run directory (its newest checkpoint) or a checkpoint directory
 * @param initialize {@code pretrained} (the encoder's weights) or {@code random} (same shape and vocabulary, fresh
 *         weights: the no-pre-training baseline)
 * @param output where the fine-tuned model and its metrics go
 */
@PublicApi
public record FinetuneConfig(String model, String initialize, DataSection data, Training training, String output)
{
    @JsonCreator
    public FinetuneConfig(
            @JsonProperty("model") String model,
            @JsonProperty("initialize") String initialize,
            @JsonProperty("data") DataSection data,
            @JsonProperty("training") Training training,
            @JsonProperty("output") String output)
    {
        this.model = model;
        this.initialize = Defaults.or(initialize, "pretrained");
        this.data = data;
        this.training = Defaults.or(training, Training.defaults());
        this.output = Defaults.or(output, "runs/finetune");
    }

    /**
     * {@code data:} the labelled data.
     *
     * @param kind {@code sequence} (a text or a pair of texts per item) or {@code token} (a label per word)
     * @param train the training file (TSV or JSONL)
     * @param dev the development file, for early stopping; when absent, taken from train by {@code split}
     * @param test the test file; when absent, taken from train by {@code split}
     * @param split shares of train held out as dev and test when those files are not given
     * @param outsideLabel for token data, the label left out of the micro-averaged scores
     */
    public record DataSection(String kind, String train, String dev, String test, List<Double> split, String outsideLabel)
    {
        @JsonCreator
        public DataSection(
                @JsonProperty("kind") String kind,
                @JsonProperty("train") String train,
                @JsonProperty("dev") String dev,
                @JsonProperty("test") String test,
                @JsonProperty("split") List<Double> split,
                @JsonProperty("outside-label") String outsideLabel)
        {
            this.kind = Defaults.or(kind, "sequence");
            this.train = train;
            this.dev = dev;
            this.test = test;
            this.split = split == null ? List.of(0.1, 0.1) : List.copyOf(split);
            this.outsideLabel = Defaults.or(outsideLabel, "O");
        }
    }

    /**
     * {@code training:} how to fine-tune.
     *
     * @param patience evaluations on dev without improvement before stopping
     * @param metric {@code accuracy} or {@code macro-f1}, on dev, decides the best model
     * @param taskId the task-embedding row the fine-tuning inputs use (the paper's option); 0 by default
     * @param engine {@code auto}, {@code fused} or {@code samediff}, as in pre-training
     */
    public record Training(long seed, int epochs, int batchSize, int maxLength, double learningRate, double warmupFraction,
            double weightDecay, double clipNorm, double dropout, int patience, String metric, int taskId, String engine)
    {
        @JsonCreator
        public Training(
                @JsonProperty("seed") Long seed,
                @JsonProperty("epochs") Integer epochs,
                @JsonProperty("batch-size") Integer batchSize,
                @JsonProperty("max-length") Integer maxLength,
                @JsonProperty("learning-rate") Double learningRate,
                @JsonProperty("warmup-fraction") Double warmupFraction,
                @JsonProperty("weight-decay") Double weightDecay,
                @JsonProperty("clip-norm") Double clipNorm,
                @JsonProperty("dropout") Double dropout,
                @JsonProperty("patience") Integer patience,
                @JsonProperty("metric") String metric,
                @JsonProperty("task-id") Integer taskId,
                @JsonProperty("engine") String engine)
        {
            this(Defaults.or(seed, 1L), Defaults.or(epochs, 5), Defaults.or(batchSize, 16), Defaults.or(maxLength, 128),
                    Defaults.or(learningRate, 1e-4), Defaults.or(warmupFraction, 0.1), Defaults.or(weightDecay, 0.01), Defaults.or(clipNorm, 1.0),
                    Defaults.or(dropout, 0.1), Defaults.or(patience, 2), Defaults.or(metric, "accuracy"), Defaults.or(taskId, 0),
                    Defaults.or(engine, EngineKind.AUTO.configName()));
        }

        /** The engine named by {@code engine}. */
        public EngineKind engineKind()
        {
            try {
                return EngineKind.fromConfigName(engine);
            }
            catch (IllegalArgumentException e) {
                throw new ConfigException("training.engine", e.getMessage());
            }
        }

        /** The same settings with another seed (several seeds of one configuration, as a baseline's runs take them). */
        public Training withSeed(long otherSeed)
        {
            return new Training(otherSeed, epochs, batchSize, maxLength, learningRate, warmupFraction, weightDecay, clipNorm, dropout, patience, metric,
                    taskId, engine);
        }

        public static Training defaults()
        {
            return new Training((Long) null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Checks what no single key can; the first problem is reported with the key to change. */
    public FinetuneConfig validated()
    {
        if (model == null || model.isBlank()) {
            throw new ConfigException("model", "name a pre-training run directory or a checkpoint directory");
        }
        if (!List.of("pretrained", "random").contains(initialize)) {
            throw new ConfigException("initialize", "'" + initialize + "' is not one of pretrained, random");
        }
        if (data == null || data.train() == null || data.train().isBlank()) {
            throw new ConfigException("data.train", "a training file is required");
        }
        if (!List.of("sequence", "token").contains(data.kind())) {
            throw new ConfigException("data.kind", "'" + data.kind() + "' is not one of sequence, token");
        }
        if (data.split().size() != 2 || data.split().stream().anyMatch(share -> !(share >= 0 && share < 1))
                || data.split().get(0) + data.split().get(1) >= 1) {
            throw new ConfigException("data.split", "give two shares (dev, test) in [0, 1) that leave some data to train on");
        }
        if (training.epochs() < 1 || training.batchSize() < 1 || training.patience() < 1) {
            throw new ConfigException("training", "epochs, batch-size and patience must be positive");
        }
        if (training.maxLength() < 8) {
            throw new ConfigException("training.max-length", "must be at least 8");
        }
        if (!(training.learningRate() > 0)) {
            throw new ConfigException("training.learning-rate", "must be positive");
        }
        if (!(training.dropout() >= 0 && training.dropout() < 1)) {
            throw new ConfigException("training.dropout", "must be in [0, 1)");
        }
        if (!List.of("accuracy", "macro-f1").contains(training.metric())) {
            throw new ConfigException("training.metric", "'" + training.metric() + "' is not one of accuracy, macro-f1");
        }
        if (training.taskId() < 0) {
            throw new ConfigException("training.task-id", "must not be negative");
        }
        training.engineKind();
        return this;
    }
}
