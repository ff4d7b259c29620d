package org.ernie4j.core.engine.samediff;

import java.util.HashMap;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * The reference engine: the model as SameDiff graphs, one per task, sharing the parameter arrays. It runs wherever ND4J
 * runs (the CUDA backend included) and hosts custom heads.
 */
public final class SameDiffEngine
        implements ModelEngine
{
    private final EncoderConfig config;
    private final ModelParameters parameters;
    private final Map<String, TaskGraph> graphs = new HashMap<>();
    private EncoderOnlyGraph encoderOnly;

    public SameDiffEngine(EncoderConfig config, ModelParameters parameters)
    {
        this.config = requireNonNull(config, "config is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        NativeEnvironment.limitNd4jThreads();
    }

    @Override
    public StepResult gradients(TaskHead task, Batch batch, long dropoutSeed)
    {
        return graph(task).gradients(batch, dropoutSeed);
    }

    @Override
    public Evaluation evaluate(TaskHead task, Batch batch)
    {
        return graph(task).evaluate(batch);
    }

    @Override
    public INDArray logits(TaskHead task, Batch batch)
    {
        return graph(task).logits(batch);
    }

    @Override
    public synchronized EncoderOutputs encode(Batch batch, int taskId)
    {
        if (encoderOnly == null) {
            encoderOnly = new EncoderOnlyGraph(config, parameters);
        }
        return encoderOnly.encode(batch, taskId);
    }

    private synchronized TaskGraph graph(TaskHead task)
    {
        TaskGraph graph = graphs.get(task.name());
        if (graph == null) {
            graph = new TaskGraph(config, parameters, task);
            graphs.put(task.name(), graph);
        }
        return graph;
    }

    @Override
    public synchronized void close()
    {
        graphs.clear();
        encoderOnly = null;
    }
}
