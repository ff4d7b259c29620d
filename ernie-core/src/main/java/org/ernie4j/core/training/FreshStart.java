package org.ernie4j.core.training;

import java.util.List;

import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.nd4j.linalg.api.buffer.DataType;

import static java.util.Objects.requireNonNull;

/**
 * A new run: the encoder from the starting weights or the seed, every configured task introduced in configuration order
 * where the schedule first trains it, a fresh optimizer.
 */
final class FreshStart
        implements SessionStart
{
    private final SessionSetup setup;
    private final StartingWeights initial;

    /**
     * @param initial every encoder parameter when not empty (an imported BERT, an earlier run), and the heads of the
     *         configured tasks it holds under their names
     */
    FreshStart(SessionSetup setup, StartingWeights initial)
    {
        this.setup = requireNonNull(setup, "setup is null");
        this.initial = requireNonNull(initial, "initial is null");
    }

    @Override
    public long step()
    {
        return 0;
    }

    /**
     * @throws IllegalArgumentException if the starting weights lack an encoder parameter or have one of another shape
     */
    @Override
    public ModelParameters encoderParameters()
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        List<ParameterSpec> encoder = EncoderLayout.parameters(setup.encoder());
        if (!initial.isEmpty()) {
            List<String> missing = initial.missing(encoder);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the initial weights lack the encoder parameters " + missing);
            }
            initial.adopt(parameters, encoder);
        }
        parameters.addMissing(encoder, new ParameterInitializer(setup.training().seed(), setup.encoder().initializerRange()));
        return parameters;
    }

    @Override
    public void joinTasks(TaskRoster roster, ModelParameters parameters)
    {
        for (TaskSetup task : setup.tasks()) {
            roster.join(task, CheckpointManifest.TaskRecord.CONFIGURED, null, initial);
        }
    }

    @Override
    public TaskSchedule schedule(TaskRoster roster, TaskSchedule base)
    {
        List<String> names = roster.tasks().stream().map(task -> task.name()).toList();
        for (int task = 0; task < names.size(); task++) {
            roster.introduce(names.get(task), StageBook.firstStepOf(base, task));
        }
        return base;
    }

    @Override
    public void restoreOptimizer(Optimizer optimizer)
    {
        // A new run's optimizer starts empty, even from pre-trained weights.
    }
}
