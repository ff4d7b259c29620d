package org.ernie4j.core.engine.samediff;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.example.TokenLabels;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * The SameDiff graph of one task: the shared encoder and the task's head. Graphs of different tasks hold the same
 * parameter arrays, so an update applied to an encoder array is seen by every graph; a task's graph and gradient
 * function are built once and reused for every step of the task.
 */
final class TaskGraph
{
    private final EncoderConfig config;
    private final ModelParameters parameters;
    private final TaskHead task;
    private final SameDiff sd;
    private final EmbeddingInput embeddings;
    private final int dropoutMaskCount;
    private final boolean hasLogits;
    private final GraphParameters trainable;

    TaskGraph(EncoderConfig config, ModelParameters parameters, TaskHead task)
    {
        this.config = requireNonNull(config, "config is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.task = requireNonNull(task, "task is null");
        this.sd = SameDiff.create();
        this.embeddings = new EmbeddingInput(config, parameters);

        EncoderGraph encoder = new EncoderGraph(sd, config, parameters);
        EncoderGraph.Outputs outputs = encoder.build();
        new HeadGraph(sd, encoder, outputs, parameters.dataType(), config.hidden()).build(task.name(), task.head());
        sd.setLossVariables(GraphNames.LOSS);
        this.dropoutMaskCount = encoder.dropoutMaskCount();
        this.hasLogits = sd.hasVariable(GraphNames.LOGITS);
        this.trainable = GraphParameters.adopt(sd, parameters);
        Quietly.call(() -> {
            sd.createGradFunction(GraphNames.EMBEDDINGS);
            return null;
        });
    }

    StepResult gradients(Batch batch, long dropoutSeed)
    {
        HeadFeeds head = HeadFeeds.of(task.name(), task.head(), batch, config.vocabularySize(), parameters.dataType());
        Map<String, INDArray> feeds = feeds(batch, head, dropoutSeed, true);
        List<String> requested = new ArrayList<>(trainable.names());
        requested.add(GraphNames.EMBEDDINGS);
        List<String> outputs = hasLogits ? List.of(GraphNames.LOSS, GraphNames.LOGITS) : List.of(GraphNames.LOSS);
        OutAndGrad result = sd.calculateGradientsAndOutputs(feeds, outputs, requested);

        Map<String, INDArray> gradients = trainable.gradients(result);
        INDArray embeddingGradient = result.getGradients().get(GraphNames.EMBEDDINGS);
        embeddings.tableGradients(batch, task.taskId(), embeddingGradient)
                .forEach((name, gradient) -> gradients.merge(name, gradient, INDArray::addi));
        return new StepResult(evaluation(result.getOutputs(), head), gradients);
    }

    Evaluation evaluate(Batch batch)
    {
        HeadFeeds head = HeadFeeds.of(task.name(), task.head(), batch, config.vocabularySize(), parameters.dataType());
        Map<String, INDArray> feeds = feeds(batch, head, 0, false);
        String[] outputs = hasLogits ? new String[] {GraphNames.LOSS, GraphNames.LOGITS} : new String[] {GraphNames.LOSS};
        return evaluation(sd.output(feeds, outputs), head);
    }

    /** The names of the parameters this graph trains (excluding the embedding tables outside the graph). */
    List<String> trainable()
    {
        return trainable.names();
    }

    private Map<String, INDArray> feeds(Batch batch, HeadFeeds head, long dropoutSeed, boolean training)
    {
        DataType type = parameters.dataType();
        Map<String, INDArray> feeds = new HashMap<>(head.placeholders());
        feeds.putAll(InputFeeds.of(batch, task.taskId(), embeddings, type));
        long rows = (long) batch.size() * batch.length();
        for (int index = 0; index < dropoutMaskCount; index++) {
            feeds.put(GraphNames.dropoutMask(index), training
                    ? DropoutMasks.mask(dropoutSeed, index, rows, config.hidden(), config.dropout(), type)
                    : DropoutMasks.ones(rows, config.hidden(), type));
        }
        return feeds;
    }

    /** The head's logits without dropout. */
    INDArray logits(Batch batch)
    {
        if (!hasLogits) {
            throw new UnsupportedOperationException("task " + task.name() + " has a custom head without logits");
        }
        HeadFeeds head = HeadFeeds.of(task.name(), task.head(), batch, config.vocabularySize(), parameters.dataType());
        return sd.output(feeds(batch, head, 0, false), GraphNames.LOGITS).get(GraphNames.LOGITS);
    }

    private Evaluation evaluation(Map<String, INDArray> outputs, HeadFeeds head)
    {
        double loss = outputs.get(GraphNames.LOSS).getDouble(0);
        if (!hasLogits || head.labels() == null) {
            return new Evaluation(loss, 0, 0);
        }
        int[] labels = head.labels();
        INDArray predicted = Nd4j.argMax(outputs.get(GraphNames.LOGITS), 1);
        long correct = 0;
        long labelled = 0;
        BitSet rightItems = new BitSet(labels.length);
        int[] predictions = new int[labels.length];
        for (int row = 0; row < labels.length; row++) {
            predictions[row] = -1;
            if (labels[row] != TokenLabels.IGNORED) {
                labelled++;
                predictions[row] = predicted.getInt(row);
                if (predictions[row] == labels[row]) {
                    correct++;
                    rightItems.set(row);
                }
            }
        }
        return new Evaluation(loss, correct, labelled, rightItems, predictions);
    }
}
