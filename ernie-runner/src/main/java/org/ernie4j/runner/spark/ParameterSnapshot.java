package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * The model's parameters at one step, as the driver broadcasts them: every tensor's name, shape and values. A worker
 * copies them into its own {@link ModelParameters} in place (its engine holds references to those arrays) and adds the
 * ones it has not seen yet, such as the head of a task that joined since.
 */
final class ParameterSnapshot
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final long version;
    private final List<String> names;
    private final List<long[]> shapes;
    private final List<float[]> values;
    /** Whether each parameter takes weight decay: a worker whose optimizer takes local steps must decay as the driver does. */
    private final List<Boolean> decayed;

    private ParameterSnapshot(long version, List<String> names, List<long[]> shapes, List<float[]> values, List<Boolean> decayed)
    {
        this.version = version;
        this.names = names;
        this.shapes = shapes;
        this.values = values;
        this.decayed = decayed;
    }

    /**
     * @param version tells snapshots apart, so that a worker that already holds this one (it computed another shard of
     *         the same step) skips the copy
     */
    static ParameterSnapshot of(ModelParameters parameters, long version)
    {
        requireNonNull(parameters, "parameters is null");
        List<String> names = parameters.names();
        List<long[]> shapes = new ArrayList<>(names.size());
        List<float[]> values = new ArrayList<>(names.size());
        List<Boolean> decayed = new ArrayList<>(names.size());
        for (String name : names) {
            INDArray value = parameters.get(name);
            shapes.add(value.shape());
            values.add(Floats.of(value));
            decayed.add(parameters.spec(name).decayed());
        }
        return new ParameterSnapshot(version, List.copyOf(names), shapes, values, List.copyOf(decayed));
    }

    long version()
    {
        return version;
    }

    /** Writes these values into {@code target}'s arrays, adding the parameters it lacks. */
    void copyInto(ModelParameters target)
    {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            float[] data = values.get(i);
            if (!target.contains(name)) {
                target.add(new ParameterSpec(name, shapes.get(i), Initialization.ZEROS, decayed.get(i)),
                        Nd4j.create(data, shapes.get(i), 'c').castTo(DataType.FLOAT));
                continue;
            }
            INDArray array = target.get(name);
            if (array.isView() || array.ordering() != 'c') {
                array.assign(Nd4j.create(data, shapes.get(i), 'c'));
            }
            else {
                array.data().setData(data);
            }
        }
    }
}
