package org.ernie4j.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.training.checkpoint.CheckpointManifest;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * A run that continues from a checkpoint exactly where it stood: after checking that the checkpoint belongs to this
 * configuration and corpus, its parameters, its tasks with their ids, data positions, introduction and retirement
 * steps, the schedule they made, and the optimizer's state come back.
 */
final class CheckpointRestore
        implements SessionStart
{
    private final SessionSetup setup;
    private final LoadedCheckpoint checkpoint;
    private final TaskSource joinedTasks;

    /**
     * @param joinedTasks finds the tasks that joined the run while it trained (plugins), which the configuration does not
     *         name
     */
    CheckpointRestore(SessionSetup setup, LoadedCheckpoint checkpoint, TaskSource joinedTasks)
    {
        this.setup = requireNonNull(setup, "setup is null");
        this.checkpoint = requireNonNull(checkpoint, "checkpoint is null");
        this.joinedTasks = requireNonNull(joinedTasks, "joinedTasks is null");
    }

    @Override
    public long step()
    {
        return checkpoint.manifest().step();
    }

    /**
     * @throws IllegalArgumentException if the checkpoint belongs to another run, or lacks an encoder parameter
     */
    @Override
    public ModelParameters encoderParameters()
    {
        new ResumeCheck(setup, checkpoint).verify();
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        for (ParameterSpec spec : EncoderLayout.parameters(setup.encoder())) {
            parameters.add(spec, stored(spec));
        }
        return parameters;
    }

    /**
     * @throws IllegalStateException naming every task of the checkpoint that is not available now, and where it came from
     */
    @Override
    public void joinTasks(TaskRoster roster, ModelParameters parameters)
    {
        CheckpointManifest manifest = checkpoint.manifest();
        List<String> missing = new ArrayList<>();
        for (CheckpointManifest.TaskRecord record : manifest.tasks()) {
            Optional<TaskSetup> task = record.configured()
                    ? setup.tasks().stream().filter(configured -> configured.name().equals(record.name())).findFirst()
                    : joinedTasks.find(record.name());
            if (task.isEmpty()) {
                missing.add(record.name() + " (joined at step " + record.introducedAtStep() + " from " + record.origin() + ")");
                continue;
            }
            ActiveTask joined = roster.join(task.get(), record.origin() == null ? CheckpointManifest.TaskRecord.CONFIGURED : record.origin(),
                    manifest.streams().get(record.name()), StartingWeights.NONE);
            for (ParameterSpec spec : HeadLayout.parameters(record.name(), joined.head().head(), setup.encoder())) {
                parameters.get(spec.name()).assign(stored(spec));
            }
            roster.restore(record);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot resume from " + checkpoint.directory() + ": the run trained tasks that are not available now: "
                    + String.join("; ", missing) + ". Put their plugin jars back in the plugins folder (or on the class path) and resume again.");
        }
        // Parameters of custom heads are not in the layout; they come back as stored and the graph adopts them.
        checkpoint.parameters().forEach((name, value) -> {
            if (!parameters.contains(name)) {
                parameters.add(new ParameterSpec(name, value.shape(), Initialization.ZEROS, true), value.castTo(DataType.FLOAT));
            }
        });
        roster.restoreEvents(manifest.scheduleEvents());
    }

    @Override
    public TaskSchedule schedule(TaskRoster roster, TaskSchedule base)
    {
        return roster.replay(base);
    }

    @Override
    public void restoreOptimizer(Optimizer optimizer)
    {
        optimizer.restore(checkpoint.optimizer());
    }

    private INDArray stored(ParameterSpec spec)
    {
        INDArray stored = checkpoint.parameters().get(spec.name());
        if (stored == null) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + " has no parameter " + spec.name());
        }
        if (!Arrays.equals(stored.shape(), spec.shape())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.directory() + ": parameter " + spec.name() + " has shape "
                    + Arrays.toString(stored.shape()) + " but the configuration needs " + Arrays.toString(spec.shape()));
        }
        return stored.castTo(DataType.FLOAT);
    }
}
