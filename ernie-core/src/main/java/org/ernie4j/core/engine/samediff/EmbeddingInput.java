package org.ernie4j.core.engine.samediff;

import java.util.HashMap;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterAdd;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static java.util.Objects.requireNonNull;
import static org.ernie4j.core.model.EncoderLayout.POSITION_EMBEDDING;
import static org.ernie4j.core.model.EncoderLayout.SEGMENT_EMBEDDING;
import static org.ernie4j.core.model.EncoderLayout.TASK_EMBEDDING;
import static org.ernie4j.core.model.EncoderLayout.TOKEN_EMBEDDING;

/**
 * The embedding sum fed to the graph, and the way back: the sum's gradient scattered into the four embedding tables.
 */
final class EmbeddingInput
{
    private final EncoderConfig config;
    private final ModelParameters parameters;

    EmbeddingInput(EncoderConfig config, ModelParameters parameters)
    {
        this.config = requireNonNull(config, "config is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    /** {@code token[id] + position[t] + segment[s] + task[taskId]} for every position, {@code [batch, length, hidden]}. */
    INDArray sum(Batch batch, int taskId)
    {
        check(batch, taskId);
        int size = batch.size();
        int length = batch.length();
        int hidden = config.hidden();
        INDArray sum = Nd4j.pullRows(parameters.get(TOKEN_EMBEDDING), 1, batch.inputIds());
        sum.addi(Nd4j.pullRows(parameters.get(SEGMENT_EMBEDDING), 1, batch.segmentIds()));
        sum.addiRowVector(parameters.get(TASK_EMBEDDING).getRow(taskId));
        INDArray positions = parameters.get(POSITION_EMBEDDING).get(NDArrayIndex.interval(0, length), NDArrayIndex.all());
        INDArray sum3d = sum.reshape(size, length, hidden);
        sum3d.addi(positions.reshape(1, length, hidden));
        return sum3d;
    }

    /** The gradients of the four tables, given the gradient of the sum, {@code [batch, length, hidden]}. */
    Map<String, INDArray> tableGradients(Batch batch, int taskId, INDArray sumGradient)
    {
        int length = batch.length();
        int hidden = config.hidden();
        INDArray rows = sumGradient.reshape(batch.size() * (long) length, hidden);
        Map<String, INDArray> gradients = new HashMap<>();
        gradients.put(TOKEN_EMBEDDING, scatter(parameters.get(TOKEN_EMBEDDING), batch.inputIds(), rows));
        gradients.put(SEGMENT_EMBEDDING, scatter(parameters.get(SEGMENT_EMBEDDING), batch.segmentIds(), rows));

        INDArray task = Nd4j.zerosLike(parameters.get(TASK_EMBEDDING));
        task.getRow(taskId).assign(rows.sum(0));
        gradients.put(TASK_EMBEDDING, task);

        INDArray position = Nd4j.zerosLike(parameters.get(POSITION_EMBEDDING));
        position.get(NDArrayIndex.interval(0, length), NDArrayIndex.all())
                .assign(sumGradient.reshape(batch.size(), length, hidden).sum(0));
        gradients.put(POSITION_EMBEDDING, position);
        return gradients;
    }

    private static INDArray scatter(INDArray table, int[] ids, INDArray rows)
    {
        // scatter_add accumulates repeated ids, which a row assignment would not.
        INDArray indices = Nd4j.createFromArray(ids);
        return Nd4j.exec(new ScatterAdd(Nd4j.zerosLike(table), indices, rows))[0];
    }

    private void check(Batch batch, int taskId)
    {
        if (batch.length() > config.maxPositions()) {
            throw new IllegalArgumentException("batch length " + batch.length() + " exceeds the model's "
                    + config.maxPositions() + " positions");
        }
        if (taskId >= config.taskTypes()) {
            throw new IllegalArgumentException("task id " + taskId + " exceeds the model's " + config.taskTypes() + " task types");
        }
        checkIds(batch.inputIds(), config.vocabularySize(), "token id");
        checkIds(batch.segmentIds(), config.segmentTypes(), "segment id");
    }

    private static void checkIds(int[] ids, int limit, String what)
    {
        for (int id : ids) {
            if (id < 0 || id >= limit) {
                throw new IllegalArgumentException(what + " " + id + " is outside [0, " + limit + ")");
            }
        }
    }
}
