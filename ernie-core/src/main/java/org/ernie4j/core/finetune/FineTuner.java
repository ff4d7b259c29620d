package org.ernie4j.core.finetune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.model.optim.GradientClipping;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.support.Seeds;
import org.ernie4j.spi.example.Example;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Fine-tunes a pre-trained encoder with a new classification head on labelled data: epochs over the shuffled training
 * items, the dev metric after each epoch, the best model kept, early stopping after {@code patience} epochs without
 * improvement, and the best model's test metrics.
 */
@PublicApi
public final class FineTuner
{
    private static final Logger LOG = LoggerFactory.getLogger(FineTuner.class);
    private static final long DROPOUT_STREAM = 0x46494E45L;

    private final FinetuneConfig config;

    public FineTuner(FinetuneConfig config)
    {
        this.config = requireNonNull(config, "config is null").validated();
    }

    /**
     * @param progress hears one line per epoch
     */
    public FinetuneResult run(Consumer<String> progress)
    {
        FinetuneConfig.Training training = config.training();
        PretrainedModel pretrained = PretrainedModel.load(Path.of(config.model()));
        EncoderConfig stored = pretrained.encoder();
        EncoderConfig encoder = new EncoderConfig(stored.vocabularySize(), stored.hidden(), stored.layers(), stored.heads(), stored.intermediate(),
                stored.maxPositions(), stored.segmentTypes(), stored.taskTypes(), training.dropout(), stored.layerNormEpsilon(), stored.activation(),
                stored.initializerRange());
        if (training.taskId() >= encoder.taskTypes()) {
            throw new IllegalArgumentException("training.task-id " + training.taskId() + " is not a row of the task embedding (" + encoder.taskTypes() + " rows)");
        }
        if (training.maxLength() > encoder.maxPositions()) {
            throw new IllegalArgumentException("training.max-length " + training.maxLength() + " exceeds the model's " + encoder.maxPositions() + " positions");
        }
        FinetuneData data = FinetuneData.load(config.data(), training.seed());
        ParameterInitializer initializer = new ParameterInitializer(training.seed(), encoder.initializerRange());
        ModelParameters parameters;
        if (config.initialize().equals("random")) {
            parameters = new ModelParameters(DataType.FLOAT);
            parameters.addMissing(EncoderLayout.parameters(encoder), initializer);
        }
        else {
            parameters = pretrained.encoderParameters();
        }
        TaskHead head = new TaskHead(FineTunedModel.HEAD, training.taskId(), FineTunedModel.headSpec(data.kind(), data.labels().size()));
        parameters.addMissing(HeadLayout.parameters(head.name(), head.head(), encoder), initializer);

        ItemEncoder items = new ItemEncoder(pretrained.vocabulary(), training.maxLength(), data.labels());
        List<Example> dev = encode(items, data.dev());
        List<Example> test = encode(items, data.test());
        int padId = pretrained.vocabulary().padId();
        int stepsPerEpoch = (data.train().size() + training.batchSize() - 1) / training.batchSize();
        long totalSteps = (long) stepsPerEpoch * training.epochs();
        OptimizerSettings optimizerSettings = new OptimizerSettings(training.learningRate(), Math.round(training.warmupFraction() * totalSteps),
                totalSteps, 0.9, 0.999, 1e-6, training.weightDecay(), training.clipNorm());
        Path output = Path.of(config.output());
        Path best = output.resolve("best");
        List<Double> history = new ArrayList<>();
        int bestEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        long step = 0;
        progress.accept(String.format("fine-tuning %s (%s) on %d train, %d dev, %d test items; labels %s; %d steps per epoch",
                config.model(), config.initialize(), data.train().size(), dev.size(), test.size(), data.labels(), stepsPerEpoch));
        try (Execution execution = Execution.create(training.engineKind(), encoder, parameters, optimizerSettings)) {
            ModelEngine engine = execution.engine();
            Optimizer optimizer = execution.optimizer();
            progress.accept("engine: " + execution.kind().configName());
            for (int epoch = 1; epoch <= training.epochs(); epoch++) {
                List<Example> train = encode(items, FinetuneData.shuffled(data.train(), training.seed(), epoch));
                double lossSum = 0;
                for (int start = 0; start < train.size(); start += training.batchSize()) {
                    Batch batch = Batch.of(train.subList(start, Math.min(train.size(), start + training.batchSize())), padId);
                    StepResult result = engine.gradients(head, batch, Seeds.mix(training.seed(), DROPOUT_STREAM, step));
                    if (!Double.isFinite(result.loss())) {
                        throw new IllegalStateException("fine-tuning diverged at step " + step + ": the loss is " + result.loss()
                                + "; try a lower training.learning-rate");
                    }
                    double norm = optimizer.gradientNorm(result.gradients());
                    if (!Double.isFinite(norm)) {
                        throw new IllegalStateException("fine-tuning diverged at step " + step + ": the gradient norm is " + norm
                                + "; try a lower training.learning-rate");
                    }
                    optimizer.apply(result.gradients(), optimizerSettings.learningRateAt(step), GradientClipping.scale(norm, optimizerSettings.clipNorm()));
                    lossSum += result.loss();
                    step++;
                }
                ClassificationMetrics devMetrics = metrics(engine, head, dev, data, padId);
                double score = devMetrics.named(training.metric());
                history.add(score);
                boolean improved = score > bestScore;
                progress.accept(String.format("epoch %d: training loss %.4f, dev %s %.4f%s", epoch, lossSum / stepsPerEpoch, training.metric(), score,
                        improved ? " (best so far, kept)" : ""));
                if (improved) {
                    bestScore = score;
                    bestEpoch = epoch;
                    new FineTunedModel(encoder, data.kind(), data.labels(), training.taskId(), training.maxLength(), pretrained.vocabulary(), parameters)
                            .save(best);
                }
                else if (epoch - bestEpoch >= training.patience()) {
                    progress.accept("no improvement for " + training.patience() + " epoch(s): stopping early");
                    break;
                }
            }
        }
        ClassificationMetrics testMetrics = null;
        if (!test.isEmpty()) {
            FineTunedModel model = FineTunedModel.load(best);
            try (Execution execution = Execution.forInference(training.engineKind(), model.encoder(), model.parameters(),
                    Runtime.getRuntime().availableProcessors())) {
                ModelEngine engine = execution.engine();
                testMetrics = metrics(engine, model.head(), test, data, padId);
            }
        }
        FinetuneResult result = new FinetuneResult(best, history, bestEpoch, testMetrics);
        writeMetrics(output, result, data);
        return result;
    }

    private static List<Example> encode(ItemEncoder items, List<LabelledItem> labelled)
    {
        List<Example> examples = new ArrayList<>(labelled.size());
        for (LabelledItem item : labelled) {
            examples.add(items.encode(item));
        }
        return examples;
    }

    private ClassificationMetrics metrics(ModelEngine engine, TaskHead head, List<Example> examples, FinetuneData data, int padId)
    {
        Predictions predictions = Predictions.of(engine, head, examples, config.training().batchSize(), padId);
        return ClassificationMetrics.of(data.labels(), predictions.gold(), predictions.predicted(), -1);
    }

    private void writeMetrics(Path output, FinetuneResult result, FinetuneData data)
    {
        String outside = data.kind() == FinetuneKind.TOKEN ? config.data().outsideLabel() : null;
        new MetricsFile(config.model(), config.initialize(), data.labels(), config.training().metric(), result.devHistory(), result.bestEpoch(),
                result.test(), outside).writeTo(output);
        LOG.info("fine-tuned model in {}", result.model());
    }
}
